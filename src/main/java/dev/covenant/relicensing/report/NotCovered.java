package dev.covenant.relicensing.report;

import java.time.Instant;

import dev.covenant.coverage.Grant;
import dev.covenant.relicensing.report.ReportModel.ContributorFacts;

/** Why no grant covers a contribution, in one sentence naming the grant that came closest. */
final class NotCovered {

    private NotCovered() {
    }

    static String reason(ContributorFacts facts, Instant at) {
        for (Grant grant : facts.grants()) {
            if (grant.revokedAt() != null && !at.isBefore(grant.revokedAt())) {
                return grant.kind() == Grant.Kind.INDIVIDUAL
                        ? "their signature of " + grant.agreement() + " " + grant.version() + " was revoked on "
                                + grant.revokedAt() + ", before this contribution"
                        : grant.company() + "'s corporate agreement was revoked on " + grant.revokedAt();
            }
            if (grant.kind() == Grant.Kind.INDIVIDUAL && grant.signedAt().isAfter(at)) {
                return grant.describe()
                        + ", after this contribution, and that version does not cover prior contributions";
            }
            if (grant.kind() == Grant.Kind.CORPORATE) {
                return grant.describe() + " is valid from " + grant.approval().validFrom()
                        + (grant.approval().validUntil() == null ? "" : " until " + grant.approval().validUntil())
                        + ", not on the day of this contribution";
            }
        }
        if (!facts.identity().known()) {
            return "no GitHub account has verified " + facts.identity().email() + ", and no company approves it";
        }
        return "no signature of the project's agreement and no company approval";
    }
}
