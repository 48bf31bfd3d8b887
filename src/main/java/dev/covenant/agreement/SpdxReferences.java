package dev.covenant.agreement;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.covenant.agreement.SpdxTokenizer.Token;

/**
 * Turns the words of an expression into canonical license and exception ids, or explains why not.
 *
 * <p>User-defined references ({@code LicenseRef-…}, and since SPDX 3 {@code AdditionRef-…} for
 * exceptions, both optionally behind {@code DocumentRef-…:}) are accepted whatever follows the
 * prefix; the prefixes themselves are matched ignoring case and written in their SPDX spelling.
 */
final class SpdxReferences {

    private static final String IDSTRING = "[A-Za-z0-9.-]+";
    private static final Pattern LICENSE_REF = reference("LicenseRef-");
    private static final Pattern ADDITION_REF = reference("AdditionRef-");

    private final String text;
    private final SpdxLicenses licenses;
    private final int suggestions;

    SpdxReferences(String text, SpdxLicenses licenses, int suggestions) {
        this.text = text;
        this.licenses = licenses;
        this.suggestions = suggestions;
    }

    String licenseId(Token word) {
        Optional<String> reference = userDefined(word, LICENSE_REF, "LicenseRef-");
        if (reference.isPresent()) {
            return reference.get();
        }
        Optional<LicenseFact> fact = licenses.find(word.text());
        if (fact.isPresent()) {
            return fact.get().id();
        }
        if (licenses.findException(word.text()).isPresent()) {
            throw error("'" + word.text() + "' is a license exception, not a license; write it after WITH", word,
                    List.of());
        }
        throw error("Unknown license id '" + word.text() + "'", word, licenses.closest(word.text(), suggestions));
    }

    String exceptionId(Token word) {
        Optional<String> reference = userDefined(word, ADDITION_REF, "AdditionRef-");
        if (reference.isPresent()) {
            return reference.get();
        }
        return licenses.findException(word.text())
                .map(ExceptionFact::id)
                .orElseThrow(() -> error("Unknown license exception id '" + word.text() + "'", word,
                        licenses.closestExceptions(word.text(), suggestions)));
    }

    private Optional<String> userDefined(Token word, Pattern pattern, String prefix) {
        String lower = word.text().toLowerCase(Locale.ROOT);
        boolean looksLikeReference = lower.startsWith("documentref-")
                || lower.startsWith(prefix.toLowerCase(Locale.ROOT));
        if (!looksLikeReference && !word.text().contains(":")) {
            return Optional.empty();
        }
        Matcher matcher = pattern.matcher(word.text());
        if (!matcher.matches()) {
            throw error("Malformed reference '" + word.text() + "'; expected " + prefix + "<id> or DocumentRef-<id>:"
                    + prefix + "<id> using letters, digits, '-' and '.'", word, List.of());
        }
        String document = matcher.group(1) == null ? "" : "DocumentRef-" + matcher.group(1) + ":";
        return Optional.of(document + prefix + matcher.group(2));
    }

    private static Pattern reference(String prefix) {
        return Pattern
                .compile("(?i:DocumentRef-(" + IDSTRING + "):)?(?i:" + Pattern.quote(prefix) + ")(" + IDSTRING + ")");
    }

    private SpdxParseException error(String problem, Token word, List<String> suggested) {
        return new SpdxParseException(problem, text, word.text(), word.position(), suggested);
    }
}
