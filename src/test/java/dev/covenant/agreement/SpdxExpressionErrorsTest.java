package dev.covenant.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SpdxExpressionErrorsTest {

    private static SpdxParseException failure(String text) {
        return assertThrows(SpdxParseException.class, () -> SpdxExpression.parse(text));
    }

    @ParameterizedTest(name = "[{0}] fails at {1} on [{2}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            ""                        | 0  | ""           | License expression is empty
            "   "                     | 0  | ""           | License expression is empty
            MIT AND                   | 7  | ""           | Expected a license id or '(' after operator AND but found the end of the expression
            MIT OR                    | 6  | ""           | Expected a license id or '(' after operator OR but found the end of the expression
            AND MIT                   | 0  | AND          | Expected a license id or '(' but found operator AND
            MIT OR AND ISC            | 7  | AND          | Expected a license id or '(' after operator OR but found operator AND
            (MIT                      | 0  | (            | Missing ')' for this '('
            MIT AND (ISC OR (0BSD)    | 8  | (            | Missing ')' for this '('
            MIT)                      | 3  | )            | Unexpected ')' without a matching '('
            ()                        | 1  | )            | Expected a license id or '(' after '(' but found ')'
            (MIT ISC)                 | 5  | ISC          | Expected AND, OR or ')' but found 'ISC'
            MIT Apache-2.0            | 4  | Apache-2.0   | Expected AND, OR or the end of the expression but found 'Apache-2.0'
            MIT WITH                  | 8  | ""           | Expected a license exception id after WITH but found the end of the expression
            MIT WITH (LLVM-exception) | 9  | (            | Expected a license exception id after WITH but found '('
            MIT WITH LLVM-exception WITH LLVM-exception | 24 | WITH | Expected AND, OR or the end of the expression but found operator WITH
            (MIT OR ISC) WITH LLVM-exception | 13 | WITH | 'WITH' must follow a single license id, not a parenthesized expression
            (MIT)+                    | 5  | +            | '+' must follow a single license id, not a parenthesized expression
            GPL-2.0 +                 | 8  | +            | '+' must directly follow a license id, without a space
            + MIT                     | 0  | +            | '+' must directly follow a license id
            LicenseRef-Acme+          | 15 | +            | '+' cannot follow a LicenseRef, only an id from the SPDX list
            MIT/ISC                   | 3  | /            | Unexpected character '/'
            MIT, ISC                  | 3  | ,            | Unexpected character ','
            MIT And ISC               | 4  | And          | Operator 'And' must be written AND or and
            MIT Or ISC                | 4  | Or           | Operator 'Or' must be written OR or or
            MIT wITH LLVM-exception   | 4  | wITH         | Operator 'wITH' must be written WITH or with
            LicenseRef-               | 0  | LicenseRef-  | Malformed reference 'LicenseRef-'
            DocumentRef-x             | 0  | DocumentRef-x | Malformed reference 'DocumentRef-x'
            MIT:ISC                   | 0  | MIT:ISC      | Malformed reference 'MIT:ISC'
            Classpath-exception-2.0   | 0  | Classpath-exception-2.0 | 'Classpath-exception-2.0' is a license exception, not a license; write it after WITH
            """)
    void reportsSyntaxErrorsWithTokenAndPosition(String text, int position, String token, String problem) {
        SpdxParseException e = failure(text);
        assertEquals(position, e.position(), e::getMessage);
        assertEquals(token, e.token(), e::getMessage);
        assertEquals(text, e.expression());
        assertTrue(e.getMessage().startsWith(problem), e::getMessage);
        assertTrue(e.getMessage().contains(" at position " + position), e::getMessage);
    }

    @ParameterizedTest(name = "[{0}]: unknown {2} suggests {3}")
    @CsvSource(delimiter = '|', textBlock = """
            Apache-2                     | 0  | Apache-2         | Apache-2.0, Apache-1.1, Apache-1.0
            MIT OR GPL2                  | 7  | GPL2             | GPL-2.0-only, GPL-2.0-or-later, GPL-2.0-with-GCC-exception
            (ISC AND bsd3)               | 9  | bsd3             | BSD-3-Clause, BSD-3-Clause-HP, BSD-3-Clause-Tso
            """)
    void reportsUnknownLicenseIdsWithSuggestions(String text, int position, String token, String suggestions) {
        SpdxParseException e = failure(text);
        assertEquals(position, e.position());
        assertEquals(token, e.token());
        assertEquals(List.of(suggestions.split(", ")), e.suggestions());
        assertEquals(
                "Unknown license id '" + token + "' at position " + position + "; did you mean " + suggestions + "?",
                e.getMessage());
    }

    @Test
    void reportsUnknownExceptionIdsWithExceptionSuggestions() {
        SpdxParseException e = failure("GPL-2.0-only WITH Classpath-exception");
        assertEquals(18, e.position());
        assertEquals("Classpath-exception", e.token());
        assertEquals("Classpath-exception-2.0", e.suggestions().get(0));
        assertTrue(e.getMessage().startsWith("Unknown license exception id 'Classpath-exception' at position 18"),
                e::getMessage);
    }

    @Test
    void doesNotAcceptALicenseIdAsAnException() {
        SpdxParseException e = failure("GPL-2.0-only WITH MIT");
        assertEquals("MIT", e.token());
        assertEquals(18, e.position());
        assertTrue(e.getMessage().startsWith("Unknown license exception id 'MIT'"), e::getMessage);
    }

    @Test
    void suggestsNothingForGibberish() {
        SpdxParseException e = failure("xyzzyplugh");
        assertEquals(List.of(), e.suggestions());
        assertEquals("Unknown license id 'xyzzyplugh' at position 0", e.getMessage());
    }

    @Test
    void treatsNullAsEmpty() {
        assertEquals("License expression is empty at position 0", failure(null).getMessage());
    }
}
