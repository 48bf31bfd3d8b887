package dev.covenant.relicensing.campaign;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.GrantView;
import dev.covenant.relicensing.report.ReportModel.Report;
import dev.covenant.relicensing.report.ReportModel.ReportTotals;

/**
 * What a closed campaign leaves behind: the campaign, every contributor with their status and what stands behind
 * it (the agreement signature or corporate agreement that grants it, or their latest answer with the hash of its
 * ledger entry), the totals, and the ledger's head when the bundle was made. Only integers and text, so it has one
 * canonical form whose SHA-256 the ledger records. Pure.
 */
final class EvidenceBundle {

    static final String FORMAT = "covenant.consent-campaign.evidence/1";

    private EvidenceBundle() {
    }

    static ObjectNode build(ConsentCampaign campaign, Report report, Map<String, ConsentAnswer> answers,
            long headSeq, String headHash) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("format", FORMAT);
        ObjectNode c = root.putObject("campaign");
        c.put("id", campaign.id);
        c.put("repository", campaign.repository);
        c.put("from", campaign.fromLicense);
        c.put("to", campaign.toLicense);
        c.put("openedBy", campaign.openedBy);
        c.put("openedAt", campaign.openedAt.toString());
        c.put("openLedgerSeq", campaign.openLedgerSeq);
        c.put("closedBy", campaign.closedBy);
        c.put("closedAt", campaign.closedAt.toString());
        root.putObject("ledgerHead").put("seq", headSeq).put("hash", headHash);
        ReportTotals t = report.totals();
        root.putObject("totals").put("people", t.people()).put("peopleCleared", t.peopleCleared())
                .put("commits", t.commits()).put("commitsCleared", t.commitsCleared())
                .put("linesAdded", t.linesAdded()).put("linesCleared", t.linesCleared());
        ArrayNode contributors = root.putArray("contributors");
        for (ContributorReport r : report.contributors()) {
            contributors.add(contributor(r, ConsentAnswer.of(answers, r)));
        }
        return root;
    }

    private static ObjectNode contributor(ContributorReport r, ConsentAnswer answer) {
        ObjectNode node = JsonNodeFactory.instance.objectNode();
        node.put("contributor", r.contributor());
        if (r.githubId() != null) {
            node.put("githubId", r.githubId());
        }
        node.put("login", r.login());
        ArrayNode emails = node.putArray("emails");
        r.emails().forEach(emails::add);
        node.put("status", r.status().name());
        node.put("reason", r.reason());
        node.put("commits", r.commits()).put("linesAdded", r.linesAdded()).put("commitsCleared", r.commitsCleared())
                .put("linesCleared", r.linesCleared());
        GrantView g = r.grant();
        if (g != null) {
            node.putObject("grant").put("kind", g.kind()).put("id", g.id()).put("agreement", g.agreement())
                    .put("version", g.version()).put("company", g.company()).put("policy", g.policy())
                    .put("description", g.description());
        }
        if (answer != null) {
            node.putObject("consent").put("campaign", answer.campaignId()).put("answer", answer.answer().name())
                    .put("note", answer.note())
                    .put("evidenceUrl", answer.evidenceUrl()).put("recordedAs", answer.recordedAs().name())
                    .put("recordedBy", answer.recordedBy()).put("recordedAt", answer.recordedAt().toString())
                    .put("ledgerSeq", answer.ledgerSeq()).put("ledgerHash", answer.ledgerHash());
        }
        return node;
    }
}
