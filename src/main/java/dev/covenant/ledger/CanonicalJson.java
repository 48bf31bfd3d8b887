package dev.covenant.ledger;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.fasterxml.jackson.core.JsonGenerator;
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

    private CanonicalJson() {
    }

    public static String write(JsonNode node) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator generator = MAPPER.getFactory().createGenerator(out)) {
            write(generator, node);
        } catch (IOException e) {
            throw new IllegalStateException("An in-memory JSON tree could not be written", e);
        }
        return out.toString();
    }

    /**
     * Writes the tree as it stands, its object keys in order, without copying it first: a ledger append writes
     * thousands of events in a batch.
     */
    private static void write(JsonGenerator generator, JsonNode node) throws IOException {
        if (node.isFloatingPointNumber()) {
            throw new IllegalArgumentException("Ledger events may not hold floating-point numbers: " + node);
        }
        if (node.isObject()) {
            List<String> names = new ArrayList<>(node.size());
            node.fieldNames().forEachRemaining(names::add);
            Collections.sort(names);
            generator.writeStartObject();
            for (String name : names) {
                generator.writeFieldName(name);
                write(generator, node.get(name));
            }
            generator.writeEndObject();
        } else if (node.isArray()) {
            generator.writeStartArray();
            for (JsonNode element : node) {
                write(generator, element);
            }
            generator.writeEndArray();
        } else if (node.isTextual()) {
            generator.writeString(node.textValue());
        } else if (node.isIntegralNumber()) {
            if (node.canConvertToLong()) {
                generator.writeNumber(node.longValue());
            } else {
                generator.writeNumber(node.bigIntegerValue());
            }
        } else if (node.isBoolean()) {
            generator.writeBoolean(node.booleanValue());
        } else if (node.isNull() || node.isMissingNode()) {
            generator.writeNull();
        } else if (node instanceof POJONode pojo && pojo.getPojo() instanceof RawValue raw) {
            generator.writeRawValue(String.valueOf(raw.rawValue()));
        } else {
            generator.writeTree(node);
        }
    }

    public static JsonNode read(String json) {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Not JSON: " + e.getOriginalMessage(), e);
        }
    }
}
