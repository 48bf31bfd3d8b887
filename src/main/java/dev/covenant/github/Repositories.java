package dev.covenant.github;

import java.util.regex.Pattern;

/** GitHub repository names as they may appear in an API path. */
public final class Repositories {

    // GitHub owners are letters, digits and hyphens; repository names add '.' and '_'.
    private static final Pattern FULL_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9-]*/[A-Za-z0-9._-]+");

    private Repositories() {
    }

    public static boolean isFullName(String text) {
        return text != null && FULL_NAME.matcher(text).matches() && !text.endsWith("/.") && !text.endsWith("/..");
    }

    /** The name itself, safe to put into {@code /repos/{owner}/{repo}} unencoded. */
    public static String requireFullName(String text) {
        if (!isFullName(text)) {
            throw new IllegalArgumentException("not a GitHub repository name (owner/name): " + text);
        }
        return text;
    }
}
