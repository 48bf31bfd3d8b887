package dev.covenant.admin;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import dev.covenant.api.FieldError;
import dev.covenant.web.Layout;

/**
 * A form of the administration pages as it is shown again: what was typed, and what is wrong beside each field and
 * summarised at the top, in words (the field's label, never its id or a status code).
 */
public record AdminForm(Map<String, String> values, Map<String, String> errors, Map<String, String> labels) {

    public static AdminForm of(Map<String, String> values, Map<String, String> labels) {
        return new AdminForm(values, new LinkedHashMap<>(), labels);
    }

    public String value(String name) {
        return values.getOrDefault(name, "");
    }

    /** Whether a select's or a radio's option is the chosen one. */
    public boolean is(String name, Object option) {
        return String.valueOf(option).equals(values.get(name));
    }

    /** Names for a template to loop over, given comma-separated. */
    public List<String> names(String commaSeparated) {
        return List.of(commaSeparated.split(","));
    }

    /** The value of a field of a numbered row: {@code valueAt("licenseFrom", "1")} is licenseFrom1's. */
    public String valueAt(String name, String row) {
        return value(name + row);
    }

    public String errorAt(String name, String row) {
        return error(name + row);
    }

    public String error(String name) {
        return errors.get(name);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    /** The lines of the shared summary at the top ({@code web/errorSummary.html}): each links to its field. */
    public List<Layout.Problem> problems() {
        List<Layout.Problem> lines = new ArrayList<>();
        errors.forEach((field, message) -> lines.add(new Layout.Problem(field, labels.getOrDefault(field,
                "This form"), message)));
        return lines;
    }

    /** Adds what is wrong with a field; the first message per field is kept. */
    public AdminForm reject(String field, String message) {
        String sentence = message.isEmpty() ? message : Character.toUpperCase(message.charAt(0)) + message.substring(1);
        errors.putIfAbsent(field, sentence.endsWith(".") ? sentence : sentence + ".");
        return this;
    }

    /** The validator's answers, each put beside the form field its name maps to. */
    public AdminForm reject(List<FieldError> problems, Function<String, String> fieldOf) {
        problems.forEach(p -> reject(fieldOf.apply(p.field()), p.suggestions().isEmpty()
                ? p.message()
                : p.message() + " (perhaps " + String.join(", ", p.suggestions()) + ")"));
        return this;
    }
}
