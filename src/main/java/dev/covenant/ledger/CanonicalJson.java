package dev.covenant.ledger;

import java.util.Arrays;
import java.util.Iterator;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.POJONode;
import com.fasterxml.jackson.databind.util.RawValue;

/**
 * The one text form of an event that its hash is computed over: object keys sorted by code point, no insignificant
 * white space, strings escaped by Jackson's standard rules. Floating-point numbers are refused, because their text
 * form is not stable across writers; events carry integers, strings, booleans and nulls.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private CanonicalJson() {
    }

    public static String write(JsonNode node) {
        StringBuilder out = new StringBuilder(512);
        write(out, node);
        return out.toString();
    }

    /**
     * Writes the tree as it stands, its object keys in order, straight into text: no sorted copy of the tree and no
     * generator per call (a ledger append writes thousands of events in a batch). Strings are escaped as Jackson's
     * standard rules do ({@code CanonicalJsonTest} holds the two to the same text).
     */
    static void write(StringBuilder out, JsonNode node) {
        if (node.isFloatingPointNumber()) {
            throw new IllegalArgumentException("Ledger events may not hold floating-point numbers: " + node);
        }
        if (node.isObject()) {
            String[] names = new String[node.size()];
            Iterator<String> fields = node.fieldNames();
            for (int i = 0; fields.hasNext(); i++) {
                names[i] = fields.next();
            }
            Arrays.sort(names);
            out.append('{');
            for (int i = 0; i < names.length; i++) {
                if (i > 0) {
                    out.append(',');
                }
                string(out, names[i]);
                out.append(':');
                write(out, node.get(names[i]));
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                if (i > 0) {
                    out.append(',');
                }
                write(out, node.get(i));
            }
            out.append(']');
        } else if (node.isTextual()) {
            string(out, node.textValue());
        } else if (node.isIntegralNumber()) {
            out.append(node.canConvertToLong() ? Long.toString(node.longValue()) : node.bigIntegerValue().toString());
        } else if (node.isBoolean()) {
            out.append(node.booleanValue());
        } else if (node.isNull() || node.isMissingNode()) {
            out.append("null");
        } else if (node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw) {
            out.append(raw.rawValue());
        } else {
            try {
                out.append(MAPPER.writeValueAsString(node));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("An in-memory JSON tree could not be written", e);
            }
        }
    }

    /** A JSON string as Jackson writes it: quote and backslash escaped, control characters as short or u-escapes. */
    static void string(StringBuilder out, String value) {
        out.append('"');
        int from = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= 0x20 && c != '"' && c != '\\') {
                continue;
            }
            out.append(value, from, i);
            from = i + 1;
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        out.append(value, from, value.length()).append('"');
    }

    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
