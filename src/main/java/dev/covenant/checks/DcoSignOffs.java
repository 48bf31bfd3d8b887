package dev.covenant.checks;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.covenant.github.CommitInfo;
import dev.covenant.github.GitActor;
import dev.covenant.identity.Trailers;

/**
 * Developer Certificate of Origin sign-offs: the {@code Signed-off-by: Name <address>} trailers of a commit message,
 * read as {@code git interpret-trailers --parse} reads them ({@link Trailers}: only the trailer block, never a line
 * in the middle of the message). A sign-off counts for a person when its name is theirs exactly (after trimming)
 * and its address theirs in any case. Merge commits need none, as with GitHub's DCO App: their content was signed
 * off in the commits they merge.
 */
public final class DcoSignOffs {

    /** One sign-off as the trailer writes it. */
    public record SignOff(String name, String email) {
    }

    private static final Pattern VALUE = Pattern.compile("^(.*?)\\s*<([^<>]*)>$");

    private DcoSignOffs() {
    }

    /** Every well-formed sign-off of the message, in order. */
    public static List<SignOff> of(String message) {
        List<SignOff> signOffs = new ArrayList<>();
        for (Trailers.Trailer trailer : Trailers.parse(message)) {
            Matcher m = VALUE.matcher(trailer.value());
            if (trailer.token().equalsIgnoreCase("signed-off-by") && m.matches() && !m.group(1).isBlank()
                    && !m.group(2).isBlank()) {
                signOffs.add(new SignOff(m.group(1).strip(), m.group(2).strip()));
            }
        }
        return signOffs;
    }

    /** Whether the message carries a sign-off by {@code name <email>}. */
    public static boolean signedOffBy(String message, String name, String email) {
        if (name == null || email == null || name.isBlank() || email.isBlank()) {
            return false;
        }
        String wanted = email.strip().toLowerCase(Locale.ROOT);
        return of(message).stream().anyMatch(s -> s.name().equals(name.strip())
                && s.email().toLowerCase(Locale.ROOT).equals(wanted));
    }

    /** Whether {@code actor} signed off the commit. */
    public static boolean signedOffBy(CommitInfo commit, GitActor actor) {
        return signedOffBy(commit.message(), actor.name(), actor.email());
    }

    /** Whether the commit needs its author's sign-off and lacks it; a merge commit never does. */
    public static boolean lacksAuthorSignOff(CommitInfo commit) {
        return !commit.merge() && !signedOffBy(commit, commit.author());
    }
}
