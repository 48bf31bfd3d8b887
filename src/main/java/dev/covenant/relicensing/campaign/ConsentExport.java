package dev.covenant.relicensing.campaign;

import java.util.Arrays;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.covenant.identity.PersonalRecords;
import dev.covenant.ledger.LedgerEntryJson;

/**
 * A person's consent answers for their export: every answer given or recorded for their account, or for one of their
 * verified addresses, in every campaign (earlier answers too: each is kept), with its ledger entry.
 */
@ApplicationScoped
public class ConsentExport implements PersonalRecords {

    @Override
    public String section() {
        return "consentAnswers";
    }

    @Override
    public JsonNode of(long githubId, List<String> verifiedEmails) {
        ArrayNode answers = JsonNodeFactory.instance.arrayNode();
        List<Consent> mine = Consent.list("githubId = ?1 or email in ?2 order by id", githubId,
                verifiedEmails.isEmpty() ? List.of("") : verifiedEmails);
        for (Consent c : mine) {
            ConsentCampaign campaign = ConsentCampaign.findById(c.campaignId);
            ObjectNode tree = answers.addObject();
            tree.put("id", c.id);
            tree.put("campaign", c.campaignId);
            tree.put("repository", campaign.repository);
            tree.put("from", campaign.fromLicense);
            tree.put("to", campaign.toLicense);
            tree.put("email", c.email);
            tree.put("answer", c.answer.name());
            tree.put("note", c.note);
            tree.put("evidenceUrl", c.evidenceUrl);
            tree.put("recordedAs", c.recordedAs.name());
            tree.put("recordedBy", c.recordedBy);
            tree.put("recordedAt", c.recordedAt.toString());
            tree.set("ledgerEntries", LedgerEntryJson.of(Arrays.asList(c.ledgerSeq)));
        }
        return answers;
    }
}
