package dev.covenant.agreement;

import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reduces an expression to a string that is equal for equivalent expressions.
 *
 * <p>Operands are sorted and de-duplicated because {@code AND} and {@code OR} are commutative and
 * idempotent: a project that swaps the order of its dual license has not relicensed anything.
 * Ids are compared in their current SPDX spelling and ignoring case.
 */
final class SpdxEquivalence {

    private SpdxEquivalence() {
    }

    static String key(SpdxExpression expression) {
        if (expression instanceof SpdxExpression.LicenseTerm term) {
            return termKey(term);
        }
        if (expression instanceof SpdxExpression.And and) {
            return compoundKey("AND", and.operands());
        }
        return compoundKey("OR", ((SpdxExpression.Or) expression).operands());
    }

    private static String termKey(SpdxExpression.LicenseTerm term) {
        String id = SpdxLicenses.standard().currentSpelling(term.id(), term.orLater());
        String exception = term.exception() == null ? "" : " WITH " + term.exception();
        return (id + exception).toLowerCase(Locale.ROOT);
    }

    private static String compoundKey(String operator, List<SpdxExpression> operands) {
        TreeSet<String> keys = operands.stream()
                .map(SpdxEquivalence::key)
                .collect(Collectors.toCollection(TreeSet::new));
        return keys.size() == 1 ? keys.first() : operator + keys;
    }
}
