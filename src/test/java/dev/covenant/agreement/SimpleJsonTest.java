package dev.covenant.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SimpleJsonTest {

    @Test
    void readsNestedObjectsAndArraysInFileOrder() {
        Object parsed = SimpleJson.parse(" {\"b\": [1, -2.5e1, true, false, null], \"a\": {}, \"c\": []} ");
        Map<?, ?> map = (Map<?, ?>) parsed;
        assertEquals(List.of("b", "a", "c"), List.copyOf(map.keySet()));
        assertEquals(Arrays.asList(new BigDecimal("1"), new BigDecimal("-2.5e1"), true, false, null), map.get("b"));
        assertEquals(Map.of(), map.get("a"));
        assertEquals(List.of(), map.get("c"));
    }

    @Test
    void decodesEscapesAndKeepsNonAsciiText() {
        assertEquals("BSD 2-Clause \"Simplified\" \\ / \n\t é – Québec",
                SimpleJson.parse("\"BSD 2-Clause \\\"Simplified\\\" \\\\ \\/ \\n\\t \\u00e9 – Québec\""));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "{", "{\"a\" 1}", "[1,]", "[1 2]", "\"open", "tru", "{\"a\":1} x", "\"\\q\"", "{1:2}"})
    void rejectsMalformedJsonWithItsOffset(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SimpleJson.parse(text));
        assertTrue(e.getMessage().startsWith("Invalid JSON at offset "), e.getMessage());
    }
}
