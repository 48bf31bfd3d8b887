package dev.covenant.agreement;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict reader for the small JSON files under {@code spdx/}.
 *
 * <p>It exists so that this package depends on nothing but the JDK: the license data is read by
 * code that may run outside the web application (tools, tests, batch jobs). Objects become
 * {@link Map}s in file order, arrays {@link List}s, numbers {@link BigDecimal}s.
 */
final class SimpleJson {

    private static final String ESCAPES = "\"\\/bfnrt";
    private static final String UNESCAPED = "\"\\/\b\f\n\r\t";

    private final String text;
    private int pos;

    private SimpleJson(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        SimpleJson reader = new SimpleJson(text);
        Object value = reader.value();
        reader.skipWhitespace();
        if (reader.pos != text.length()) {
            throw reader.error("unexpected text after the JSON value");
        }
        return value;
    }

    private Object value() {
        skipWhitespace();
        if (pos >= text.length()) {
            throw error("unexpected end of input");
        }
        char c = text.charAt(pos);
        return switch (c) {
            case '{' -> object();
            case '[' -> array();
            case '"' -> string();
            case 't' -> literal("true", Boolean.TRUE);
            case 'f' -> literal("false", Boolean.FALSE);
            case 'n' -> literal("null", null);
            default -> number();
        };
    }

    private Map<String, Object> object() {
        Map<String, Object> result = new LinkedHashMap<>();
        pos++;
        if (!consume('}')) {
            do {
                if (peekAfterWhitespace() != '"') {
                    throw error("expected a member name");
                }
                String name = string();
                expect(':');
                result.put(name, value());
            } while (consume(','));
            expect('}');
        }
        return result;
    }

    private List<Object> array() {
        List<Object> result = new ArrayList<>();
        pos++;
        if (!consume(']')) {
            do {
                result.add(value());
            } while (consume(','));
            expect(']');
        }
        return result;
    }

    private String string() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"') {
                return out.toString();
            }
            if (c != '\\') {
                out.append(c);
                continue;
            }
            if (pos >= text.length()) {
                break;
            }
            char escaped = text.charAt(pos++);
            int simple = ESCAPES.indexOf(escaped);
            if (simple >= 0) {
                out.append(UNESCAPED.charAt(simple));
            } else if (escaped == 'u') {
                out.append(unicodeEscape());
            } else {
                throw error("invalid escape \\" + escaped);
            }
        }
        throw error("unterminated string");
    }

    private char unicodeEscape() {
        try {
            char c = (char) Integer.parseInt(text.substring(pos, Math.min(pos + 4, text.length())), 16);
            pos += 4;
            return c;
        } catch (NumberFormatException e) {
            throw error("invalid \\u escape");
        }
    }

    private BigDecimal number() {
        int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
        try {
            return new BigDecimal(text.substring(start, pos));
        } catch (NumberFormatException e) {
            pos = start;
            throw error("unexpected character '" + text.charAt(start) + "'");
        }
    }

    private Object literal(String word, Object value) {
        if (!text.startsWith(word, pos)) {
            throw error("unexpected character '" + text.charAt(pos) + "'");
        }
        pos += word.length();
        return value;
    }

    private boolean consume(char c) {
        if (peekAfterWhitespace() == c) {
            pos++;
            return true;
        }
        return false;
    }

    private void expect(char c) {
        if (!consume(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private char peekAfterWhitespace() {
        skipWhitespace();
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void skipWhitespace() {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0) {
            pos++;
        }
    }

    private IllegalArgumentException error(String problem) {
        return new IllegalArgumentException("Invalid JSON at offset " + pos + ": " + problem);
    }
}
