package dev.covenant.relicensing.campaign;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;

/**
 * Checks an answer before anything is recorded, naming every bad field: the answer is one of the four; a note is
 * at most 2,000 characters and is required for a conditional yes (the conditions are the answer); evidence is an
 * absolute http(s) URL; and a yes or conditional yes that a maintainer records needs evidence, a URL or a note,
 * because nobody can check it otherwise.
 */
public final class AnswerInput {

    static final int MAX_NOTE = 2000;
    static final int MAX_URL = 2000;

    /** The answer, checked; blank note and URL become null. */
    public record Valid(Answer answer, String note, String evidenceUrl) {
    }

    private AnswerInput() {
    }

    public static Valid check(String answer, String note, String evidenceUrl, boolean byMaintainer) {
        List<FieldError> errors = new ArrayList<>();
        Answer parsed = answer(answer, errors);
        String cleanNote = blankToNull(note);
        String cleanUrl = blankToNull(evidenceUrl);
        if (cleanNote != null && cleanNote.length() > MAX_NOTE) {
            errors.add(new FieldError("note", "is longer than " + MAX_NOTE + " characters"));
        }
        if (cleanUrl != null && !isWebUrl(cleanUrl)) {
            errors.add(new FieldError("evidenceUrl", "is not an absolute http or https URL of at most " + MAX_URL
                    + " characters"));
        }
        if (parsed == Answer.CONDITIONAL && cleanNote == null) {
            errors.add(new FieldError("note", "is required with CONDITIONAL: it holds the conditions"));
        }
        if (byMaintainer && (parsed == Answer.YES || parsed == Answer.CONDITIONAL) && cleanNote == null
                && cleanUrl == null) {
            errors.add(new FieldError("evidenceUrl", "is required for a consent a maintainer records: give the URL"
                    + " of the e-mail, comment or document, or describe it in the note"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Valid(parsed, cleanNote, cleanUrl);
    }

    private static Answer answer(String text, List<FieldError> errors) {
        if (text == null || text.isBlank()) {
            errors.add(new FieldError("answer", "is required: YES, NO, CONDITIONAL or UNREACHABLE"));
            return null;
        }
        try {
            return Answer.valueOf(text.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            errors.add(new FieldError("answer", "must be YES, NO, CONDITIONAL or UNREACHABLE",
                    List.of("YES", "NO", "CONDITIONAL", "UNREACHABLE")));
            return null;
        }
    }

    static boolean isWebUrl(String text) {
        if (text.length() > MAX_URL) {
            return false;
        }
        try {
            URI uri = new URI(text);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            return (scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null
                    && uri.getUserInfo() == null;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
