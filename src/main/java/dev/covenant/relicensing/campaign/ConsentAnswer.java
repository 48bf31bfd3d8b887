package dev.covenant.relicensing.campaign;

import java.time.Instant;

import dev.covenant.relicensing.ReportModel.ContributorReport;

/**
 * A contributor's latest answer in a campaign, as the report and the evidence bundle use it. {@code key} names the
 * contributor the way {@link #keyOf} does: their GitHub account, or the raw address for an unknown identity.
 */
public record ConsentAnswer(String key, long campaignId, Answer answer, String note, String evidenceUrl,
        Consent.RecordedAs recordedAs, String recordedBy, Instant recordedAt, long ledgerSeq, String ledgerHash) {

    /** The key of a report's contributor: the account when known, else their first commit address. */
    public static String keyOf(ContributorReport contributor) {
        return contributor.githubId() != null ? key(contributor.githubId(), null)
                : key(null, contributor.emails().get(0));
    }

    public static String key(Long githubId, String email) {
        return githubId != null ? "github:" + githubId : "email:" + email;
    }
}
