package dev.covenant.signing;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/** A new approval-list line as typed into the form or sent to the API, and its checks. */
public record ApprovalInput(String kind, String value, String validFrom, String validUntil) {

    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s.]{2,63}");
    private static final Pattern DOMAIN = Pattern
            .compile("(?=.{4,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}");

    /** A message per field that is wrong; empty when the input is good. */
    public Map<String, String> problems(LocalDate today) {
        Map<String, String> errors = new LinkedHashMap<>();
        Approval.Kind parsed = parsedKind();
        String v = value == null ? "" : value.strip();
        if (parsed == null) {
            errors.put("kind", "Choose GITHUB_USER, EMAIL, DOMAIN or GITHUB_ORG");
        } else if (v.isEmpty()) {
            errors.put("value", "Please fill this in");
        } else if (v.length() > 254) {
            errors.put("value", "Please keep this to 254 characters or fewer");
        } else {
            boolean ok = switch (parsed) {
                case GITHUB_USER, GITHUB_ORG -> LOGIN.matcher(v).matches();
                case EMAIL -> EMAIL.matcher(v).matches();
                case DOMAIN -> DOMAIN.matcher(v.toLowerCase()).matches();
            };
            if (!ok) {
                errors.put("value", switch (parsed) {
                    case GITHUB_USER -> "Enter a GitHub login, like octocat";
                    case GITHUB_ORG -> "Enter a GitHub organisation, like github";
                    case EMAIL -> "Enter an e-mail address, like name@example.org";
                    case DOMAIN -> "Enter a domain without @, like example.org";
                });
            }
        }
        LocalDate from = date(validFrom, today);
        if (from == null) {
            errors.put("validFrom", "Enter a date as YYYY-MM-DD");
        }
        if (validUntil != null && !validUntil.isBlank()) {
            LocalDate until = date(validUntil, null);
            if (until == null) {
                errors.put("validUntil", "Enter a date as YYYY-MM-DD, or leave it empty");
            } else if (from != null && until.isBefore(from)) {
                errors.put("validUntil", "Must not be before the start date");
            }
        }
        return errors;
    }

    public Approval.Kind parsedKind() {
        try {
            return kind == null ? null : Approval.Kind.valueOf(kind.strip().toUpperCase());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public String normalizedValue() {
        return value.strip().toLowerCase();
    }

    public LocalDate from(LocalDate today) {
        return date(validFrom, today);
    }

    public LocalDate until() {
        return validUntil == null || validUntil.isBlank() ? null : date(validUntil, null);
    }

    private static LocalDate date(String text, LocalDate fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
