package dev.covenant.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SpdxLengthTest {

    /** "MIT OR MIT OR ..." of exactly {@code length} characters. */
    static String expression(int length) {
        StringBuilder text = new StringBuilder("MIT");
        while (text.length() + 7 <= length) {
            text.append(" OR MIT");
        }
        while (text.length() < length) {
            text.append(' ');
        }
        return text.toString();
    }

    @Test
    void fiveHundredCharactersAreTheMost() {
        assertEquals(500, expression(500).length());
        assertEquals("MIT", SpdxExpression.parse(expression(500)).licenseIds().iterator().next());
        SpdxParseException e = assertThrows(SpdxParseException.class, () -> SpdxExpression.parse(expression(501)));
        assertTrue(e.getMessage().startsWith("License expression is longer than 500 characters"), e::getMessage);
    }
}
