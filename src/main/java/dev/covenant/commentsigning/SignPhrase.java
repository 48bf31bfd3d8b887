package dev.covenant.commentsigning;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.covenant.checks.CheckTexts;

/**
 * What a comment says, in plain terms: whether it is the signing phrase, and which text Covenant's comment showed.
 * The whole comment must be the phrase: leading and trailing whitespace, runs of whitespace and letter case aside,
 * nothing may come before or after it (a quote of it in a longer comment signs nothing).
 */
final class SignPhrase {

    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern SHOWN = Pattern
            .compile(Pattern.quote(CheckTexts.SIGN_MARKER.substring(0, CheckTexts.SIGN_MARKER.indexOf("%s")))
                    + "([0-9a-f]{64})" + Pattern.quote(" -->"));

    private SignPhrase() {
    }

    /** The start every signing marker has, to find the comment that carries one. */
    static String markerStart() {
        return CheckTexts.SIGN_MARKER.substring(0, CheckTexts.SIGN_MARKER.indexOf("%s"));
    }

    static boolean signs(String body, String phrase) {
        return body != null && phrase != null && normal(body).equals(normal(phrase));
    }

    /** The SHA-256 of the version's text that Covenant's comment offered for signing, if it names one. */
    static Optional<String> shownSha256(String covenantComment) {
        Matcher m = SHOWN.matcher(covenantComment);
        return m.find() ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static String normal(String text) {
        return WHITESPACE.matcher(text.strip()).replaceAll(" ").toLowerCase(Locale.ROOT);
    }
}
