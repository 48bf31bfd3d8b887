package dev.covenant.relicensing.campaign;

import java.time.Instant;
import java.util.Map;

import dev.covenant.relicensing.report.ReportModel.ContributorReport;

/**
 * A contributor's latest answer in a campaign, as the report and the evidence bundle use it. {@code key} names the
 * contributor the way {@link #keyOf} does: their GitHub account, or the raw address for an unknown identity.
 */
public record ConsentAnswer(String key, long campaignId, Answer answer, String note, String evidenceUrl,
        Consent.RecordedAs recordedAs, String recordedBy, Instant recordedAt, long ledgerSeq, String ledgerHash) {

    /** The key of a report's contributor: the account when known, else their first commit address. */
    public static String keyOf(ContributorReport contributor) {
        return contributor.githubId() != null
                ? key(contributor.githubId(), null)
                : key(null, contributor.emails().get(0));
    }

    /**
     * The answer a contributor gave: by their account, else by any of their addresses. An answer recorded for a raw
     * address stays theirs after they sign in and verify it, when the report starts naming them by account.
     */
    public static ConsentAnswer of(Map<String, ConsentAnswer> answers, ContributorReport contributor) {
        ConsentAnswer answer = answers.get(keyOf(contributor));
        for (int i = 0; answer == null && i < contributor.emails().size(); i++) {
            answer = answers.get(key(null, contributor.emails().get(i)));
        }
        return answer;
    }

    public static String key(Long githubId, String email) {
        return githubId != null ? "github:" + githubId : "email:" + email;
    }
}
