package dev.covenant.admin;

import java.util.List;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

import dev.covenant.agreement.Agreement;
import dev.covenant.agreement.AgreementVersion;
import dev.covenant.agreement.LineDiff;
import dev.covenant.inbox.Delivery;
import dev.covenant.ledger.LedgerHeads;
import dev.covenant.ledger.LedgerVerifier;
import dev.covenant.project.ProjectView;
import dev.covenant.relicensing.campaign.ConsentCampaign;
import dev.covenant.web.FormProblems;
import dev.covenant.web.Layout.Visitor;

/** The administration pages ({@code templates/admin/}), in the shell of {@code web/layout}; Qute escapes every value. */
@CheckedTemplate(basePath = "admin")
public class AdminPages {

    public record AgreementRow(Agreement agreement, AgreementVersion latest) {
    }

    /** What a new version would be, as the preview shows it before anything is published. */
    public record Preview(String version, boolean major, AgreementVersion previous, List<String> grants,
            String relicensing, List<LineDiff.Line> diff) {

        public boolean changed() {
            return diff != null && LineDiff.changed(diff);
        }
    }

    /** One signature in the list, with the signer as this Covenant knows them. */
    public record SignatureRow(String id, String login, String name, String version, java.time.Instant signedAt,
            java.time.Instant revokedAt) {
    }

    /** A page of a list, with the links to the pages around it (null where there is none). */
    public record Paged(int page, int pages, long total, String previous, String next) {
    }

    static native TemplateInstance index(Visitor visitor, boolean admin, String repository, FormProblems form);

    static native TemplateInstance agreements(Visitor visitor, List<AgreementRow> agreements);

    static native TemplateInstance publish(Visitor visitor, Agreement agreement, AgreementVersion latest,
            AdminForm form);

    static native TemplateInstance preview(Visitor visitor, Agreement agreement, Preview preview, AdminForm form);

    static native TemplateInstance projects(Visitor visitor, List<ProjectView> projects, List<Agreement> individual,
            List<Agreement> corporate, AdminForm form, String linked);

    static native TemplateInstance signatures(Visitor visitor, Agreement agreement, List<SignatureRow> signatures,
            String query, Paged paged);

    static native TemplateInstance revoke(Visitor visitor, Agreement agreement, SignatureRow signature);

    static native TemplateInstance deliveries(Visitor visitor, List<Delivery> deliveries, String state,
            List<Delivery.State> states);

    static native TemplateInstance redrive(Visitor visitor, Delivery delivery);

    static native TemplateInstance ledger(Visitor visitor, LedgerHeads.Head head, long entries,
            LedgerVerifier.Verification verification);

    static native TemplateInstance repository(Visitor visitor, String repository, List<ConsentCampaign> campaigns,
            ProjectView project, AdminForm form, boolean saved);
}
