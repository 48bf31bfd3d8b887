package dev.covenant.relicensing.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;

/** Which answers are accepted, and which field a refusal names. Plain JUnit. */
class AnswerInputTest {

    @ParameterizedTest(name = "{0} note={1} url={2} byMaintainer={3} -> {4}")
    @CsvSource(nullValues = "null", value = {
            "MAYBE, null, null, true, answer",
            "null, null, null, false, answer",
            "'', null, null, true, answer",
            "NO, null, javascript:alert(1), true, evidenceUrl",
            "NO, null, ftp://example.org/x, true, evidenceUrl",
            "NO, null, https://user:pw@example.org/x, true, evidenceUrl",
            "NO, null, not a url, true, evidenceUrl",
            "YES, null, null, true, evidenceUrl",
            "CONDITIONAL, null, https://example.org/x, true, note",
            "CONDITIONAL, null, null, false, note"})
    void refusalsNameTheField(String answer, String note, String url, boolean byMaintainer, String field) {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> AnswerInput.check(answer, note, url, byMaintainer));
        assertEquals(field, e.errors().get(0).field(), e.errors().toString());
    }

    @ParameterizedTest
    @CsvSource(nullValues = "null", value = {
            "YES, null, https://example.org/mail, true, YES",
            "yes, 'said so on the phone', null, true, YES",
            "YES, null, null, false, YES",
            "no, null, null, true, NO",
            "UNREACHABLE, null, null, true, UNREACHABLE",
            "CONDITIONAL, 'docs stay CC-BY', null, false, CONDITIONAL"})
    void validAnswersAreAccepted(String answer, String note, String url, boolean byMaintainer, Answer expected) {
        assertEquals(expected, AnswerInput.check(answer, note, url, byMaintainer).answer());
    }

    @Test
    void aTooLongNoteAndABadUrlAreBothNamed() {
        InvalidInputException e = assertThrows(InvalidInputException.class,
                () -> AnswerInput.check("NO", "x".repeat(2001), "mailto:a@b.c", true));
        assertEquals(List.of("note", "evidenceUrl"), e.errors().stream().map(FieldError::field).toList());
    }

    @Test
    void blankTextBecomesNothing() {
        AnswerInput.Valid valid = AnswerInput.check("NO", "  ", "", true);
        assertNull(valid.note());
        assertNull(valid.evidenceUrl());
    }
}
