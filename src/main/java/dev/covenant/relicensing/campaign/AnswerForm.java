package dev.covenant.relicensing.campaign;

import java.util.List;

import dev.covenant.api.FieldError;
import dev.covenant.web.FormProblems;

/**
 * The answer forms of the consent page and of the maintainers' dashboard, as their error summary and fields say
 * what is wrong: labels and answers in words, where the JSON API names fields and values by their codes.
 */
final class AnswerForm {

    private AnswerForm() {
    }

    /** {@code maintainer}: the dashboard's form, which also names the contributor and the evidence. */
    static FormProblems problems(List<FieldError> errors, boolean maintainer) {
        FormProblems form = FormProblems.form();
        if (maintainer) {
            form.field("contributor", "contributor", "Contributor").field("answer", "answer", "Answer")
                    .field("evidenceUrl", "evidenceUrl", "Evidence URL");
        } else {
            form.field("answer", "answer-yes", "Answer");
        }
        form.field("note", "note", "Note").saying("CONDITIONAL", "a conditional yes");
        for (FieldError e : errors) {
            boolean choice = e.field().equals("answer");
            form.reject(e.field(), choice ? "Choose one of the answers" : e.message());
        }
        return form;
    }
}
