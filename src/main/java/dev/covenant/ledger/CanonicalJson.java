package dev.covenant.ledger;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The one text form of an event that its hash is computed over: object keys sorted by code point, no insignificant
 * white space, strings escaped by Jackson's standard rules. Floating-point numbers are refused, because their text
 * form is not stable across writers; events carry integers, strings, booleans and nulls.
 */
public final class CanonicalJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private CanonicalJson() {
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(sorted(node));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("An in-memory JSON tree could not be written", e);
        }
    }

    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static JsonNode sorted(JsonNode node) {
        if (node.isFloatingPointNumber()) {
            throw new IllegalArgumentException("Ledger events may not hold floating-point numbers: " + node);
        }
        if (node.isObject()) {
            List<Map.Entry<String, JsonNode>> fields = new ArrayList<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext();) {
                fields.add(it.next());
            }
            fields.sort(Map.Entry.comparingByKey());
            ObjectNode result = JsonNodeFactory.instance.objectNode();
            fields.forEach(field -> result.set(field.getKey(), sorted(field.getValue())));
            return result;
        }
        if (node.isArray()) {
            var result = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> result.add(sorted(element)));
            return result;
        }
        return node;
    }
}
