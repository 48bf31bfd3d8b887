package dev.covenant.relicensing.campaign;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.covenant.relicensing.report.JudgedImport;
import dev.covenant.relicensing.report.ReportModel.ApprovalLine;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.GrantView;
import dev.covenant.relicensing.report.ReportModel.Report;
import dev.covenant.relicensing.report.ReportModel.ReportTotals;

/**
 * What a closed campaign leaves behind: the campaign, every contributor with their status and what stands behind
 * it (the agreement signature or corporate agreement that grants it, or their latest answer with the hash of its
 * ledger entry), the import it judged ({@link JudgedImport}, and the report's {@code at}), the totals, and the
 * ledger's head when the bundle was made. Only integers and text, so it has one
 * canonical form whose SHA-256 the ledger records. Pure.
 */
final class EvidenceBundle {

    static final String FORMAT = "covenant.consent-campaign.evidence/1";

    private EvidenceBundle() {
    }

    static ObjectNode build(ConsentCampaign campaign, Report report, JudgedImport judged,
            Map<String, ConsentAnswer> answers, long headSeq, String headHash) {
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
        ObjectNode history = root.putObject("import");
        if (judged != null) {
            history.put("id", judged.id()).put("finishedAt", judged.finishedAt().toString())
                    .put("headCommit", judged.headCommit()).put("historySha256", judged.historySha256());
        }
        history.put("at", report.at() == null ? null : report.at().toString()).put("atCommit", report.atCommit());
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
            ObjectNode grant = node.putObject("grant").put("kind", g.kind()).put("id", g.id())
                    .put("agreement", g.agreement()).put("version", g.version()).put("company", g.company())
                    .put("policy", g.policy()).put("description", g.description()).put("textSha256", g.textSha256());
            var entry = g.ledger();
            if (entry != null) {
                grant.putObject("ledger").put("seq", entry.seq()).put("hash", entry.hash());
            }
            ApprovalLine line = g.approval();
            if (line != null) {
                ObjectNode approval = grant.putObject("approval").put("criterion", line.criterion())
                        .put("value", line.value()).put("validFrom", line.validFrom().toString())
                        .put("validUntil", line.validUntil() == null ? null : line.validUntil().toString());
                var lineEntry = line.ledger();
                if (lineEntry != null) {
                    approval.putObject("ledger").put("seq", lineEntry.seq()).put("hash", lineEntry.hash());
                }
            }
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
