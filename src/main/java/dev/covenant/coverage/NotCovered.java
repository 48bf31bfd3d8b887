package dev.covenant.coverage;

import java.time.Instant;
import java.util.List;
import java.util.function.LongPredicate;

/**
 * Why no grant covers a subject at an instant, in one sentence naming the grant that came closest: one wording for the
 * check (asked about now) and the report (asked about a contribution's moment).
 */
public final class NotCovered {

    private NotCovered() {
    }

    /** {@code grants} are the subject's own; {@code accepted} the versions that count. */
    public static String reason(CoverageSubject subject, List<Grant> grants, LongPredicate accepted, Instant at) {
        return reason(subject.isAccount(), subject.emails(), grants, accepted, at);
    }

    /** As above, for a subject that is a GitHub account or else only {@code emails}. */
    public static String reason(boolean account, List<String> emails, List<Grant> grants, LongPredicate accepted,
            Instant at) {
        for (Grant grant : grants) {
            if (!accepted.test(grant.versionId())) {
                continue;
            }
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
        for (Grant grant : grants) {
            if (grant.kind() == Grant.Kind.INDIVIDUAL) {
                return "they signed " + grant.agreement() + " " + grant.version() + ", a version this project no"
                        + " longer accepts; a new major version must be signed";
            }
        }
        if (!account) {
            return "no GitHub account has verified " + String.join(", ", emails)
                    + ", and no company approves it";
        }
        return "no signature of the project's agreement and no company approval";
    }
}
