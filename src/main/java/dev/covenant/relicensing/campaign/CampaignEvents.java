package dev.covenant.relicensing.campaign;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The ledger events of campaigns: what each one records, in one place. */
final class CampaignEvents {

    private CampaignEvents() {
    }

    static ObjectNode opened(ConsentCampaign c) {
        ObjectNode event = campaign(c);
        event.put("openedBy", c.openedBy);
        event.put("openedAt", c.openedAt.toString());
        return event;
    }

    static ObjectNode answered(ConsentCampaign c, Consent consent, String login) {
        ObjectNode event = campaign(c);
        ObjectNode contributor = event.putObject("contributor");
        if (consent.githubId != null) {
            contributor.put("githubId", consent.githubId);
            contributor.put("login", login);
        } else {
            contributor.put("email", consent.email);
        }
        event.put("answer", consent.answer.name());
        event.put("note", consent.note);
        event.put("evidenceUrl", consent.evidenceUrl);
        ObjectNode by = event.putObject("recordedBy");
        by.put("as", consent.recordedAs.name());
        by.put("who", consent.recordedBy);
        if (consent.recordedByGithubId != null) {
            by.put("githubId", consent.recordedByGithubId);
        }
        event.put("recordedAt", consent.recordedAt.toString());
        return event;
    }

    static ObjectNode closed(ConsentCampaign c, String evidenceSha256, String ledgerHead) {
        ObjectNode event = campaign(c);
        event.put("closedBy", c.closedBy);
        event.put("closedAt", c.closedAt.toString());
        event.put("evidenceSha256", evidenceSha256);
        event.put("ledgerHeadHash", ledgerHead);
        return event;
    }

    private static ObjectNode campaign(ConsentCampaign c) {
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("campaign", c.id);
        event.put("repository", c.repository);
        event.put("from", c.fromLicense);
        event.put("to", c.toLicense);
        return event;
    }
}
