package dev.covenant.agreement;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Checks what a signer typed against the version's form; pure, so the rules are tested without a server. */
public final class FormValues {

    public static final int MAX_LENGTH = 500;
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s.]{2,63}");

    private FormValues() {
    }

    /** The outcome: the cleaned values to store, and a message per field that is wrong. */
    public record Checked(Map<String, String> values, Map<String, String> errors) {

        public boolean valid() {
            return errors.isEmpty();
        }
    }

    public static Checked check(List<FormField> fields, Map<String, String> submitted, List<String> verifiedEmails) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> errors = new LinkedHashMap<>();
        for (FormField field : fields) {
            String raw = submitted.getOrDefault(field.name(), "");
            String value = raw == null ? "" : raw.strip();
            String error = problem(field, value, verifiedEmails);
            if (error != null) {
                errors.put(field.name(), error);
            }
            if (field.type() == FormField.Type.CHECKBOX) {
                value = value.isEmpty() ? "false" : "true";
            }
            values.put(field.name(), value);
        }
        return new Checked(values, errors);
    }

    private static String problem(FormField field, String value, List<String> verifiedEmails) {
        if (value.isEmpty()) {
            return field.required()
                    ? (field.type() == FormField.Type.CHECKBOX ? "Please tick this box" : "Please fill this in")
                    : null;
        }
        if (value.length() > MAX_LENGTH) {
            return "Please keep this to " + MAX_LENGTH + " characters or fewer";
        }
        return switch (field.type()) {
            case EMAIL ->
                EMAIL.matcher(value).matches() ? null : "Please enter an e-mail address like name@example.org";
            case VERIFIED_EMAIL -> verifiedEmails.contains(value.toLowerCase())
                    ? null
                    : "Please choose one of the addresses GitHub has verified for you";
            case NUMBER -> value.matches("-?\\d{1,18}(\\.\\d{1,10})?") ? null : "Please enter a number";
            case DATE -> isDate(value) ? null : "Please enter a date as YYYY-MM-DD";
            case CHECKBOX -> value.equals("on") || value.equals("true") ? null : "Please tick the box or leave it";
            default -> null;
        };
    }

    private static boolean isDate(String value) {
        try {
            LocalDate.parse(value);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }
}
