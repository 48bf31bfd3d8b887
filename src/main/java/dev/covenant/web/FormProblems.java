package dev.covenant.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What is wrong with a form, in words, for the shared summary at its top ({@code web/errorSummary.html}) and the
 * message beside each field. The form declares its fields in order (name, element id, label); a message that names
 * camel-cased fields the way the JSON API does ("is required with contactEmail") says their labels instead, so no field id
 * reaches the page. A problem of no declared field is summarised as the form's and linked to its first field.
 */
public final class FormProblems {

    private record Field(String id, String label) {
    }

    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");

    private final Map<String, Field> fields = new LinkedHashMap<>();
    private final Map<String, String> errors = new LinkedHashMap<>();
    private final Map<String, String> words = new LinkedHashMap<>();

    /** A form with no field declared yet. */
    public static FormProblems form() {
        return new FormProblems();
    }

    /** Declares the next field of the form: its name as sent, its element id, its label. */
    public FormProblems field(String name, String id, String label) {
        fields.put(name, new Field(id, label));
        return this;
    }

    /** Says {@code code} (an API value such as {@code CONDITIONAL}) in a message as {@code inWords}. */
    public FormProblems saying(String code, String inWords) {
        words.put(code, inWords);
        return this;
    }

    /** Adds what is wrong with a field (by its name as sent); the first message per field is kept. */
    public FormProblems reject(String name, String message) {
        errors.putIfAbsent(name, message == null ? "" : message);
        return this;
    }

    /** Adds every problem of a map of field names to messages. */
    public FormProblems rejectAll(Map<String, String> problems) {
        problems.forEach(this::reject);
        return this;
    }

    public boolean any() {
        return !errors.isEmpty();
    }

    public boolean has(String name) {
        return errors.containsKey(name);
    }

    /**
     * What a field says beside itself, in words, or null when nothing is wrong with it: a sentence of its own as it
     * is ("Please fill this in"), a message that goes on from the label after it ("Reason is required").
     */
    public String said(String name) {
        if (!errors.containsKey(name)) {
            return null;
        }
        Layout.Problem problem = problem(name);
        return problem.goesOn() ? problem.text() : problem.message();
    }

    /** The summary's lines, in the order of the form; problems of no declared field first. */
    public List<Layout.Problem> problems() {
        List<Layout.Problem> lines = new ArrayList<>();
        errors.keySet().stream().filter(n -> !fields.containsKey(n)).forEach(n -> lines.add(problem(n)));
        fields.keySet().stream().filter(errors::containsKey).forEach(n -> lines.add(problem(n)));
        return lines;
    }

    private Layout.Problem problem(String name) {
        Field field = fields.get(name);
        if (field == null) {
            String first = fields.values().stream().findFirst().map(Field::id).orElse("main");
            return new Layout.Problem(first, "This form", inWords(errors.get(name)));
        }
        return new Layout.Problem(field.id(), field.label(), inWords(errors.get(name)));
    }

    /** The message with every declared field's name replaced by its label, lower-cased as in a sentence. */
    private String inWords(String message) {
        Matcher m = WORD.matcher(message);
        StringBuilder text = new StringBuilder();
        while (m.find()) {
            // Only a camel-cased name is surely a field's: "to", "at" or "name" may be ordinary words.
            boolean camel = !m.group().equals(m.group().toLowerCase(Locale.ROOT));
            Field named = camel ? fields.get(m.group()) : null;
            String said = named == null ? words.getOrDefault(m.group(), m.group()) : lower(named.label());
            m.appendReplacement(text, Matcher.quoteReplacement(said));
        }
        m.appendTail(text);
        return text.toString();
    }

    private static String lower(String label) {
        boolean acronym = label.length() > 1 && Character.isUpperCase(label.charAt(1));
        return acronym ? label : Character.toLowerCase(label.charAt(0)) + label.substring(1);
    }
}
