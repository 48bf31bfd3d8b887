package dev.covenant.relicensing.campaign;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import dev.covenant.agreement.SpdxExpression;
import dev.covenant.agreement.SpdxParseException;
import dev.covenant.ledger.LedgerEntry;

/** The answers that count: per contributor, the latest of one campaign, with the hash of its ledger entry. */
public final class CampaignAnswers {

    private CampaignAnswers() {
    }

    /**
     * For a report: the answers of {@code campaign} when given, else of the newest campaign of the repository whose
     * target is equivalent to {@code target} (open or closed); none when there is no such campaign.
     */
    public static Map<String, ConsentAnswer> forReport(String repository, SpdxExpression target, Long campaign) {
        Optional<ConsentCampaign> chosen = campaign != null
                ? ConsentCampaign.findIn(repository, campaign)
                : ConsentCampaign.listFor(repository).stream().filter(c -> targets(c, target)).findFirst();
        return chosen.map(c -> latest(c.id)).orElse(Map.of());
    }

    /** Per contributor key, the latest answer of a campaign. */
    public static Map<String, ConsentAnswer> latest(long campaignId) {
        Map<String, Consent> latest = new LinkedHashMap<>();
        Consent.history(campaignId).forEach(c -> latest.put(ConsentAnswer.key(c.githubId, c.email), c));
        Map<Long, String> hashes = new HashMap<>();
        if (!latest.isEmpty()) {
            LedgerEntry.<LedgerEntry>list("seq in ?1", latest.values().stream().map(c -> c.ledgerSeq).toList())
                    .forEach(e -> hashes.put(e.seq, e.hash));
        }
        Map<String, ConsentAnswer> answers = new LinkedHashMap<>();
        latest.forEach((key, c) -> answers.put(key, new ConsentAnswer(key, campaignId, c.answer, c.note, c.evidenceUrl,
                c.recordedAs, c.recordedBy, c.recordedAt, c.ledgerSeq, hashes.get(c.ledgerSeq))));
        return answers;
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
