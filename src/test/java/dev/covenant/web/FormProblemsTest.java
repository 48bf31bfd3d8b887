package dev.covenant.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A form's problems as people read them: labels for field names, in the form's order. Plain JUnit. */
class FormProblemsTest {

    private static FormProblems linkForm() {
        return FormProblems.form().field("email", "link-email", "Commit address").field("githubId", "link-id",
                "GitHub user id").field("name", "link-name", "Name").field("contactEmail", "link-contact",
                        "Contact e-mail");
    }

    @Test
    void theSummaryFollowsTheFormAndSaysLabelsNotFieldNames() {
        FormProblems form = linkForm()
                .reject("contactEmail", "is not an e-mail address as git records one")
                .reject("githubId", "or login, or name and contactEmail, is required: whose address it is")
                .reject("email", "Please fill this in");
        assertEquals(List.of(
                new Layout.Problem("link-email", "Commit address", "Please fill this in"),
                new Layout.Problem("link-id", "GitHub user id",
                        "or login, or name and contact e-mail, is required: whose address it is"),
                new Layout.Problem("link-contact", "Contact e-mail", "is not an e-mail address as git records one")),
                form.problems());
        assertEquals("Please fill this in", form.said("email"), "a sentence of its own, beside its label");
        assertEquals("Commit address: Please fill this in", form.problems().get(0).text(), "in the summary");
        assertEquals("Contact e-mail is not an e-mail address as git records one", form.said("contactEmail"),
                "a message that goes on from the label");
        assertNull(form.said("name"));
        for (Layout.Problem p : form.problems()) {
            assertFalse(p.text().matches("(?s).*\\b(githubId|contactEmail|4\\d\\d|Exception)\\b.*"), p.text());
        }
    }

    @Test
    void ordinaryWordsStayAndCodesAreSaidInWords() {
        FormProblems form = FormProblems.form().field("to", "to", "Relicense under").field("note", "note", "Note")
                .saying("CONDITIONAL", "a conditional yes")
                .reject("to", "is not a license the project could move to")
                .reject("note", "is required with CONDITIONAL: it holds the conditions")
                .reject("repository", "Nothing was imported yet");
        assertEquals("Relicense under is not a license the project could move to", form.said("to"));
        assertEquals("Note is required with a conditional yes: it holds the conditions", form.said("note"));
        assertEquals(new Layout.Problem("to", "This form", "Nothing was imported yet"), form.problems().get(0),
                "a problem of no field comes first and leads to the form's first field");
    }
}
