package dev.covenant.agreement;

import java.util.LinkedHashSet;
import java.util.List;

import dev.covenant.agreement.SpdxExpression.LicenseTerm;

/** Reads the SPDX ids a policy lists, such as those of {@link OutboundPolicy#SAME_PLUS_LISTED}. */
final class ListedLicenses {

    private ListedLicenses() {
    }

    /**
     * @throws SpdxParseException if the entry is not an SPDX id or LicenseRef
     * @throws IllegalArgumentException if the entry is a compound expression; listing one would
     *     be ambiguous (does {@code MIT AND ISC} allow a target of {@code MIT} alone?)
     */
    static LicenseTerm term(String entry) {
        SpdxExpression parsed = SpdxExpression.parse(entry);
        if (parsed instanceof LicenseTerm term) {
            return term;
        }
        throw new IllegalArgumentException("A listed license must be a single SPDX id (optionally with + or WITH),"
                + " not the expression " + parsed);
    }

    /** The entries in their canonical spelling, repeats dropped, order kept. */
    static List<String> canonical(List<String> entries) {
        LinkedHashSet<String> result = new LinkedHashSet<>();
        for (String entry : entries) {
            result.add(term(entry).toString());
        }
        return List.copyOf(result);
    }
}
