package dev.covenant.agreement;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * An SPDX license expression (SPDX specification, annex "SPDX license expressions"), as an
 * immutable tree. {@link #toString()} gives the normalized form: ids in the list's spelling,
 * upper-case operators, single spaces and only the parentheses that {@code AND}-over-{@code OR}
 * precedence requires.
 */
public sealed interface SpdxExpression {

    /**
     * Parses against the bundled SPDX License List.
     *
     * @throws SpdxParseException if the text is blank, malformed, or names an id not on the list
     */
    static SpdxExpression parse(String text) {
        return parse(text, SpdxLicenses.standard());
    }

    static SpdxExpression parse(String text, SpdxLicenses licenses) {
        return new SpdxExpressionParser(text, licenses).parse();
    }

    /** Every license term, left to right, repeats included. */
    List<LicenseTerm> terms();

    /** The license ids named (without {@code +} or exception), in order of first appearance. */
    default Set<String> licenseIds() {
        Set<String> ids = new LinkedHashSet<>();
        terms().forEach(term -> ids.add(term.id()));
        return Collections.unmodifiableSet(ids);
    }

    /** The choices a recipient has: the operands of a top-level {@code OR}, else this expression. */
    default List<SpdxExpression> alternatives() {
        return this instanceof Or or ? or.operands() : List.of(this);
    }

    /**
     * Whether both expressions grant the same licensing: operand order and repeats do not matter
     * ({@code MIT OR Apache-2.0} is {@code Apache-2.0 OR MIT}), and a deprecated id equals the
     * current id SPDX gave it ({@code GPL-2.0+} is {@code GPL-2.0-or-later}).
     */
    default boolean isEquivalentTo(SpdxExpression other) {
        return other != null && SpdxEquivalence.key(this).equals(SpdxEquivalence.key(other));
    }

    /**
     * One license: an SPDX id or a {@code LicenseRef}, maybe with {@code +} (or any later version)
     * and an exception.
     *
     * @param exception the exception id after {@code WITH}, or {@code null} if there is none
     */
    record LicenseTerm(String id, boolean orLater, String exception) implements SpdxExpression {

        public LicenseTerm {
            Objects.requireNonNull(id, "id");
            if (id.isBlank()) {
                throw new IllegalArgumentException("A license term needs an id");
            }
        }

        public static LicenseTerm of(String id) {
            return new LicenseTerm(id, false, null);
        }

        /** Whether this names a user-defined license rather than one on the SPDX list. */
        public boolean isLicenseRef() {
            return id.contains("LicenseRef-");
        }

        @Override
        public List<LicenseTerm> terms() {
            return List.of(this);
        }

        @Override
        public String toString() {
            return id + (orLater ? "+" : "") + (exception == null ? "" : " WITH " + exception);
        }
    }

    /** All operands apply at once. Nested {@code AND}s are flattened into one. */
    record And(List<SpdxExpression> operands) implements SpdxExpression {

        public And {
            operands = flatten(operands, And.class);
        }

        @Override
        public List<LicenseTerm> terms() {
            return operands.stream().flatMap(o -> o.terms().stream()).toList();
        }

        @Override
        public String toString() {
            return operands.stream()
                    .map(o -> o instanceof Or ? "(" + o + ")" : o.toString())
                    .collect(Collectors.joining(" AND "));
        }
    }

    /** The recipient may choose any one operand. Nested {@code OR}s are flattened into one. */
    record Or(List<SpdxExpression> operands) implements SpdxExpression {

        public Or {
            operands = flatten(operands, Or.class);
        }

        @Override
        public List<LicenseTerm> terms() {
            return operands.stream().flatMap(o -> o.terms().stream()).toList();
        }

        @Override
        public String toString() {
            return operands.stream().map(SpdxExpression::toString).collect(Collectors.joining(" OR "));
        }
    }

    private static List<SpdxExpression> flatten(List<SpdxExpression> operands, Class<?> sameKind) {
        Objects.requireNonNull(operands, "operands");
        List<SpdxExpression> flat = new ArrayList<>();
        for (SpdxExpression operand : operands) {
            Objects.requireNonNull(operand, "operand");
            if (operand instanceof And and && sameKind == And.class) {
                flat.addAll(and.operands());
            } else if (operand instanceof Or or && sameKind == Or.class) {
                flat.addAll(or.operands());
            } else {
                flat.add(operand);
            }
        }
        if (flat.size() < 2) {
            throw new IllegalArgumentException(sameKind.getSimpleName() + " needs at least two operands");
        }
        return List.copyOf(flat);
    }
}
