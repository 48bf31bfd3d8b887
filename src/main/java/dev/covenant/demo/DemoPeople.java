package dev.covenant.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Demo people: who a typed login may be, and the GitHub-style numeric id and address each login always gets. */
public final class DemoPeople {

    /** 1–39 letters, digits and single hyphens, neither first nor last: GitHub's rule for user names. */
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");
    /** Demo ids start here, far above the ids the stand-in gives the App, its installation and the repository. */
    static final long FIRST_ID = 100_000_000L;

    private DemoPeople() {
    }

    /** What is wrong with a typed login, in words, or empty when it is a GitHub-style user name. */
    public static Optional<String> problem(String login) {
        if (login == null || login.isBlank()) {
            return Optional.of("Enter a user name, for example alice.");
        }
        if (login.length() > 39) {
            return Optional.of("A user name has at most 39 characters; this one has " + login.length() + ".");
        }
        if (!login.matches("[A-Za-z0-9-]+")) {
            return Optional.of("A user name has only letters, digits and hyphens.");
        }
        if (login.startsWith("-") || login.endsWith("-")) {
            return Optional.of("A user name cannot begin or end with a hyphen.");
        }
        if (!LOGIN.matcher(login).matches()) {
            return Optional.of("A user name cannot have two hyphens in a row.");
        }
        return Optional.empty();
    }

    /**
     * The same number for the same login (case aside) on every start and every instance, as GitHub keeps an
     * account's id: derived from the login's SHA-256, below 2^40 above {@link #FIRST_ID}.
     */
    public static long idOf(String login) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(login.toLowerCase(Locale.ROOT).getBytes(StandardCharsets.UTF_8));
            long n = 0;
            for (int i = 0; i < 5; i++) {
                n = (n << 8) | (hash[i] & 0xff);
            }
            return FIRST_ID + n;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The verified address every demo person has. */
    public static String email(String login) {
        return login.toLowerCase(Locale.ROOT) + "@demo.invalid";
    }
}
