package dev.covenant.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import dev.covenant.agreement.SpdxExpression.And;
import dev.covenant.agreement.SpdxExpression.LicenseTerm;
import dev.covenant.agreement.SpdxExpression.Or;

class SpdxExpressionTest {

    private static LicenseTerm term(String id) {
        return LicenseTerm.of(id);
    }

    private static And and(SpdxExpression... operands) {
        return new And(List.of(operands));
    }

    private static Or or(SpdxExpression... operands) {
        return new Or(List.of(operands));
    }

    @ParameterizedTest(name = "[{0}] normalizes to [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            MIT                                                 | MIT
            mit                                                 | MIT
            '  Apache-2.0  '                                    | Apache-2.0
            apache-2.0 or mit                                   | Apache-2.0 OR MIT
            MIT and ISC                                         | MIT AND ISC
            (MIT)                                               | MIT
            ((MIT OR ISC))                                      | MIT OR ISC
            MIT OR (ISC OR 0BSD)                                | MIT OR ISC OR 0BSD
            (MIT AND ISC) AND 0BSD                              | MIT AND ISC AND 0BSD
            (MIT AND ISC) OR 0BSD                               | MIT AND ISC OR 0BSD
            MIT AND (ISC OR 0BSD)                               | MIT AND (ISC OR 0BSD)
            (MIT OR ISC) AND (Apache-2.0 OR 0BSD)               | (MIT OR ISC) AND (Apache-2.0 OR 0BSD)
            GPL-2.0+                                            | GPL-2.0+
            gpl-2.0-only+                                       | GPL-2.0-only+
            gpl-2.0-only with classpath-exception-2.0           | GPL-2.0-only WITH Classpath-exception-2.0
            GPL-2.0+ WITH Bison-exception-2.2                   | GPL-2.0+ WITH Bison-exception-2.2
            Apache-2.0 WITH LLVM-exception OR MIT               | Apache-2.0 WITH LLVM-exception OR MIT
            (MIT)AND(ISC)                                       | MIT AND ISC
            LicenseRef-Acme-1.0                                 | LicenseRef-Acme-1.0
            licenseref-Acme.2                                   | LicenseRef-Acme.2
            DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2    | DocumentRef-spdx-tool-1.2:LicenseRef-MIT-Style-2
            documentref-doc:licenseref-x                        | DocumentRef-doc:LicenseRef-x
            LicenseRef-Acme WITH Classpath-exception-2.0        | LicenseRef-Acme WITH Classpath-exception-2.0
            MIT WITH AdditionRef-acme-linking                   | MIT WITH AdditionRef-acme-linking
            MIT WITH DocumentRef-d:AdditionRef-x                | MIT WITH DocumentRef-d:AdditionRef-x
            GPL-2.0 OR gpl-3.0+                                 | GPL-2.0 OR GPL-3.0+
            """)
    void parsesAndNormalizes(String text, String normalized) {
        SpdxExpression expression = SpdxExpression.parse(text);
        assertEquals(normalized, expression.toString());
        assertEquals(expression, SpdxExpression.parse(normalized), "normalized form parses back to the same tree");
    }

    @Test
    void acceptsAnyWhitespaceBetweenTokens() {
        assertEquals("MIT AND (ISC OR 0BSD)", SpdxExpression.parse("\tMIT   AND\n( ISC\r\nOR 0BSD )\n").toString());
    }

    static Stream<Arguments> trees() {
        return Stream.of(
                Arguments.of("MIT", term("MIT")),
                Arguments.of("MIT OR ISC AND 0BSD", or(term("MIT"), and(term("ISC"), term("0BSD")))),
                Arguments.of("MIT AND ISC OR 0BSD", or(and(term("MIT"), term("ISC")), term("0BSD"))),
                Arguments.of("MIT AND (ISC OR 0BSD)", and(term("MIT"), or(term("ISC"), term("0BSD")))),
                Arguments.of("MIT or ISC and 0BSD or Zlib",
                        or(term("MIT"), and(term("ISC"), term("0BSD")), term("Zlib"))),
                Arguments.of("GPL-2.0-only WITH Classpath-exception-2.0 AND MIT",
                        and(new LicenseTerm("GPL-2.0-only", false, "Classpath-exception-2.0"), term("MIT"))),
                Arguments.of("GPL-2.0+ with GCC-exception-2.0",
                        new LicenseTerm("GPL-2.0", true, "GCC-exception-2.0")),
                Arguments.of("(MIT OR (ISC OR (0BSD)))", or(term("MIT"), term("ISC"), term("0BSD"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void bindsWithBeforeAndBeforeOr(String text, SpdxExpression tree) {
        assertEquals(tree, SpdxExpression.parse(text));
    }

    @Test
    void listsLicenseIdsInOrderOfFirstAppearance() {
        SpdxExpression expression = SpdxExpression.parse(
                "gpl-2.0+ WITH Classpath-exception-2.0 AND (MIT OR LicenseRef-x) AND mit");
        assertEquals(List.of("GPL-2.0", "MIT", "LicenseRef-x"), new ArrayList<>(expression.licenseIds()));
        assertEquals(4, expression.terms().size());
    }

    @Test
    void offersTopLevelOrOperandsAsAlternatives() {
        assertEquals(List.of(term("MIT"), and(term("ISC"), term("0BSD"))),
                SpdxExpression.parse("MIT OR ISC AND 0BSD").alternatives());
        assertEquals(List.of(and(term("MIT"), or(term("ISC"), term("0BSD")))),
                SpdxExpression.parse("MIT AND (ISC OR 0BSD)").alternatives());
    }

    @ParameterizedTest(name = "[{0}] is equivalent to [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            MIT OR Apache-2.0              | Apache-2.0 OR MIT
            MIT AND ISC AND 0BSD           | 0BSD AND (ISC AND MIT)
            MIT OR MIT                     | MIT
            GPL-2.0+                       | GPL-2.0-or-later
            GPL-2.0                        | GPL-2.0-only
            GPL-2.0-only+                  | GPL-2.0-or-later
            LGPL-2.1+ OR MIT               | mit OR LGPL-2.1-or-later
            GPL-2.0 WITH Classpath-exception-2.0 | gpl-2.0-only with classpath-exception-2.0
            """)
    void treatsOrderRepeatsAndDeprecatedSpellingsAsEquivalent(String a, String b) {
        assertTrue(SpdxExpression.parse(a).isEquivalentTo(SpdxExpression.parse(b)));
        assertTrue(SpdxExpression.parse(b).isEquivalentTo(SpdxExpression.parse(a)));
    }

    @ParameterizedTest(name = "[{0}] is not equivalent to [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            GPL-2.0-only                   | GPL-2.0-or-later
            GPL-2.0                        | GPL-2.0+
            MIT                            | MIT-0
            MIT OR ISC                     | MIT AND ISC
            MIT AND (ISC OR 0BSD)          | MIT AND ISC OR 0BSD
            GPL-2.0-only                   | GPL-2.0-only WITH Classpath-exception-2.0
            Apache-2.0                     | Apache-2.0+
            """)
    void tellsDifferentLicensingApart(String a, String b) {
        assertFalse(SpdxExpression.parse(a).isEquivalentTo(SpdxExpression.parse(b)));
        assertFalse(SpdxExpression.parse(a).isEquivalentTo(null));
    }

    @Test
    void keepsTreesImmutable() {
        List<SpdxExpression> operands = new ArrayList<>(List.of(term("MIT"), term("ISC")));
        Or expression = new Or(operands);
        operands.add(term("0BSD"));
        assertEquals("MIT OR ISC", expression.toString());
        assertThrows(UnsupportedOperationException.class, () -> expression.operands().add(term("Zlib")));
        assertThrows(UnsupportedOperationException.class,
                () -> SpdxExpression.parse("MIT AND ISC").terms().add(term("Zlib")));
        assertThrows(UnsupportedOperationException.class,
                () -> SpdxExpression.parse("MIT AND ISC").licenseIds().add("Zlib"));
    }

    @Test
    void refusesCompoundsWithFewerThanTwoOperands() {
        assertThrows(IllegalArgumentException.class, () -> new And(List.of(term("MIT"))));
        assertThrows(IllegalArgumentException.class, () -> new Or(List.of()));
        assertThrows(IllegalArgumentException.class, () -> new LicenseTerm(" ", false, null));
    }

    @Test
    void tellsLicenseRefsFromListedIds() {
        assertTrue(((LicenseTerm) SpdxExpression.parse("DocumentRef-a:LicenseRef-b")).isLicenseRef());
        assertFalse(((LicenseTerm) SpdxExpression.parse("MIT")).isLicenseRef());
        assertEquals(Set.of("LicenseRef-b"), SpdxExpression.parse("LicenseRef-b").licenseIds());
    }
}
