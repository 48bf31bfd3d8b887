package dev.covenant.agreement;

import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** The stored JSON form of a version's signing form. */
final class FormFieldsJson {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private FormFieldsJson() {
    }

    static String write(List<FormField> fields) {
        try {
            return MAPPER.writeValueAsString(fields);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Form fields could not be written", e);
        }
    }

    static JsonNode tree(List<FormField> fields) {
        return MAPPER.valueToTree(fields);
    }

    static List<FormField> read(String json) {
        try {
            return MAPPER.readValue(json, new TypeReference<List<FormField>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored form fields are not valid JSON: " + json, e);
        }
    }
}
