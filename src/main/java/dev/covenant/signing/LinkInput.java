package dev.covenant.signing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;

/**
 * Checks a maintainer's link before anything is recorded, naming every bad field: the commit address ({@code email})
 * as git wrote it ({@code user@host}, where the host may be a Subversion repository's UUID); the person, either a
 * GitHub account ({@code githubId} or {@code login}) or someone without one ({@code name} and {@code contactEmail});
 * and a {@code reason}, which the ledger keeps for whoever checks the link later.
 */
public final class LinkInput {

    static final int MAX_REASON = 2000;
    static final int MAX_TEXT = 320;
    /** What git accepts between {@code <} and {@code >}, with one {@code @}: no space, no angle bracket. */
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>]+@[^\\s@<>]+");
    private static final Pattern LOGIN = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})");

    /** A checked link: an account ({@code githubId}, or a {@code login} still to look up), or a named person. */
    public record Valid(String email, Long githubId, String login, String name, String contactEmail, String reason) {
    }

    private LinkInput() {
    }

    public static Valid check(String email, String githubId, String login, String name, String contactEmail,
            String reason) {
        List<FieldError> errors = new ArrayList<>();
        String address = address("email", email, errors);
        String why = blankToNull(reason);
        if (why == null) {
            errors.add(new FieldError("reason", "is required: why this address is this person's"));
        } else if (why.length() > MAX_REASON) {
            errors.add(new FieldError("reason", "is longer than " + MAX_REASON + " characters"));
        }
        Long id = null;
        String account = blankToNull(login);
        String person = blankToNull(name);
        String contact = blankToNull(contactEmail);
        boolean isAccount = blankToNull(githubId) != null || account != null;
        if (isAccount && (person != null || contact != null)) {
            errors.add(new FieldError(person != null ? "name" : "contactEmail", "goes with a person without a GitHub"
                    + " account: give either githubId or login, or name and contactEmail"));
        } else if (isAccount) {
            id = githubId(blankToNull(githubId), errors);
            if (account != null && !LOGIN.matcher(account).matches()) {
                errors.add(new FieldError("login", "is not a GitHub login"));
            }
        } else if (person == null && contact == null) {
            errors.add(new FieldError("githubId", "or login, or name and contactEmail, is required: whose address it"
                    + " is"));
        } else {
            if (person == null || person.length() > MAX_TEXT) {
                errors.add(new FieldError("name", "is required with contactEmail, at most " + MAX_TEXT
                        + " characters"));
            }
            contact = address("contactEmail", contact, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Valid(address, id, id == null ? account : null, isAccount ? null : person, contact, why);
    }

    /** A commit address, lower-cased: what the identity model compares. */
    static String address(String field, String text, List<FieldError> errors) {
        String address = blankToNull(text);
        if (address == null || address.length() > MAX_TEXT || !ADDRESS.matcher(address).matches()) {
            errors.add(new FieldError(field, "is not an e-mail address as git records one (user@host, at most "
                    + MAX_TEXT + " characters)"));
            return null;
        }
        return address.toLowerCase(Locale.ROOT);
    }

    private static Long githubId(String text, List<FieldError> errors) {
        if (text == null) {
            return null;
        }
        if (!text.matches("[0-9]{1,18}") || Long.parseLong(text) == 0) {
            errors.add(new FieldError("githubId", "is not a GitHub user id (a positive number)"));
            return null;
        }
        return Long.parseLong(text);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
