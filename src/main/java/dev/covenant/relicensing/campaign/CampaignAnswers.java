package dev.covenant.relicensing.campaign;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.covenant.agreement.SpdxExpression;
import dev.covenant.agreement.SpdxParseException;
import dev.covenant.ledger.LedgerEntry;

/** The answers that count: per contributor, the latest, with the hash of its ledger entry. */
public final class CampaignAnswers {

    private CampaignAnswers() {
    }

    /**
     * For a report: the answers that count for {@code campaign} when given ({@link #counting}), else for the newest
     * campaign of the repository whose target is equivalent to {@code target} (open or closed); none when there is no
     * such campaign.
     */
    public static Map<String, ConsentAnswer> forReport(String repository, SpdxExpression target, Long campaign) {
        Optional<ConsentCampaign> chosen = campaign != null
                ? ConsentCampaign.findIn(repository, campaign)
                : ConsentCampaign.listFor(repository).stream().filter(c -> targets(c, target)).findFirst();
        return chosen.map(CampaignAnswers::counting).orElse(Map.of());
    }

    /**
     * The answers that count in a campaign: per contributor, their latest answer in it or in any earlier campaign of
     * the repository for an equivalent target, open or closed. A yes given once is not erased by a new campaign; a
     * later answer, in whichever of those campaigns, replaces it.
     */
    public static Map<String, ConsentAnswer> counting(ConsentCampaign campaign) {
        SpdxExpression target = parsed(campaign);
        List<Long> ids = ConsentCampaign.listFor(campaign.repository).stream()
                .filter(c -> c.id <= campaign.id && (c.id == campaign.id || target != null && targets(c, target)))
                .map(c -> c.id).toList();
        return latest(ids);
    }

    /** Per contributor key, the latest answer of a campaign. */
    public static Map<String, ConsentAnswer> latest(long campaignId) {
        return latest(List.of(campaignId));
    }

    /** Per contributor key, the latest answer in any of these campaigns. */
    static Map<String, ConsentAnswer> latest(List<Long> campaignIds) {
        Map<String, Consent> latest = new LinkedHashMap<>();
        Consent.history(campaignIds).forEach(c -> latest.put(ConsentAnswer.key(c.githubId, c.email), c));
        Map<Long, String> hashes = new HashMap<>();
        if (!latest.isEmpty()) {
            LedgerEntry.<LedgerEntry>list("seq in ?1", latest.values().stream().map(c -> c.ledgerSeq).toList())
                    .forEach(e -> hashes.put(e.seq, e.hash));
        }
        Map<String, ConsentAnswer> answers = new LinkedHashMap<>();
        latest.forEach((key, c) -> answers.put(key, new ConsentAnswer(key, c.campaignId, c.answer, c.note,
                c.evidenceUrl, c.recordedAs, c.recordedBy, c.recordedAt, c.ledgerSeq, hashes.get(c.ledgerSeq))));
        return answers;
    }

    private static SpdxExpression parsed(ConsentCampaign campaign) {
        try {
            return SpdxExpression.parse(campaign.toLicense);
        } catch (SpdxParseException e) {
            return null;
        }
    }

    static boolean targets(ConsentCampaign campaign, SpdxExpression target) {
        try {
            return SpdxExpression.parse(campaign.toLicense).isEquivalentTo(target);
        } catch (SpdxParseException e) {
            // Stored normalised after parsing; a later SPDX list that dropped an id makes it match nothing.
            return false;
        }
    }

    static List<ConsentCampaign> openFor(String repository, SpdxExpression target) {
        return ConsentCampaign.listOpen(repository).stream().filter(c -> targets(c, target)).toList();
    }
}
