package dev.covenant.signing;

import java.util.List;
import java.util.Map;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.covenant.agreement.Agreement;
import dev.covenant.agreement.AgreementVersion;
import dev.covenant.agreement.FormField;
import dev.covenant.web.FormProblems;
import dev.covenant.web.Layout;
import dev.covenant.web.Layout.Visitor;

/** The signing pages, in the shell of {@code web/layout}; Qute escapes every value unless a template says otherwise. */
@CheckedTemplate(basePath = "signing")
public class SigningPages {

    public record AgreementRow(Agreement agreement, AgreementVersion latest) {
    }

    public record FormState(List<FormField> fields, Map<String, String> values, Map<String, String> errors,
            List<String> verifiedEmails) {

        public String value(String name) {
            return values.getOrDefault(name, "");
        }

        public String error(String name) {
            return errors.get(name);
        }

        public boolean hasErrors() {
            return !errors.isEmpty();
        }

        /** The errors in the order of the form, for its summary: each links to its field. */
        public List<Layout.Problem> problems() {
            return fields.stream().filter(f -> errors.containsKey(f.name()))
                    .map(f -> new Layout.Problem("f-" + f.name(), f.label(), errors.get(f.name()))).toList();
        }
    }

    static native TemplateInstance index(Visitor visitor, List<AgreementRow> agreements);

    static native TemplateInstance agreement(Visitor visitor, Agreement agreement, AgreementVersion version,
            String plainWords,
            List<String> grants, Signature existing, FormState form, String repo, List<AgreementVersion> versions);

    /** A published version, current or not, with what changed from the one before. */
    static native TemplateInstance version(Visitor visitor, Agreement agreement, AgreementVersion version,
            AgreementVersion current, String currentPath, String plainWords, List<String> grants,
            AgreementVersionPagesResource.Change change, List<AgreementVersion> versions);

    static native TemplateInstance receipt(Visitor visitor, Signature signature, String ledgerHash,
            Map<String, String> fields);

    static native TemplateInstance me(Visitor visitor, List<Signature> signatures,
            List<CoveredProjects.CoveredProject> covered, List<CoveredProjects.SignAgain> signAgain,
            List<CorporateAgreement> managed);

    static native TemplateInstance corporate(Visitor visitor, Agreement agreement, AgreementVersion version,
            String plainWords,
            List<String> grants, FormState form, List<AgreementVersion> versions);

    /** What revoking a signature does, and the form that does it. */
    static native TemplateInstance revoke(Visitor visitor, Signature signature);

    /** What removing a line of a company's approval list does, and the form that does it. */
    static native TemplateInstance removeApproval(Visitor visitor, CorporateAgreement corporate, Approval approval);

    static native TemplateInstance manage(Visitor visitor, CorporateAgreement corporate, List<Approval> approvals,
            List<ClaManager> managers, FormProblems form, Map<String, String> values);
}
