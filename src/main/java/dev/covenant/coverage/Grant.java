package dev.covenant.coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import dev.covenant.agreement.OutboundTerms;
import dev.covenant.signing.Approval;

/**
 * One source of rights a person may have given a project: their own signature of an agreement version, or a
 * company's corporate agreement whose approval list names them. {@link #covers} is the date rule, the same for the
 * pull-request check (asked about now) and the relicensing report (asked about each contribution's moment):
 * <ul>
 * <li>a signature covers contributions from its signing on, and earlier ones too when the version covers prior
 * contributions; a revocation ends it for contributions from then on (earlier ones stay covered);</li>
 * <li>a company approval covers contributions on the days (UTC) it is valid, until the company's agreement is
 * revoked.</li>
 * </ul>
 * {@code versionId} is the agreement version signed, so that a project accepting only some versions can tell; {@code
 * outbound} is what that version lets the project relicense under.
 */
public record Grant(Kind kind, String id, long versionId, String agreement, String version, String company,
        OutboundTerms outbound, boolean coversPrior, Instant signedAt, Instant revokedAt, Criterion approval) {

    public enum Kind {
        INDIVIDUAL, CORPORATE
    }

    /** A line of a company's approval list, with the days (UTC) it is valid. */
    public record Criterion(Approval.Kind kind, String value, LocalDate validFrom, LocalDate validUntil) {
    }

    public static Grant individual(String signatureId, long versionId, String agreement, String version,
            OutboundTerms outbound, boolean coversPrior, Instant signedAt, Instant revokedAt) {
        return new Grant(Kind.INDIVIDUAL, signatureId, versionId, agreement, version, null, outbound, coversPrior,
                signedAt, revokedAt, null);
    }

    public static Grant corporate(String corporateId, long versionId, String company, String agreement,
            String version, OutboundTerms outbound, Instant companyRevokedAt, Criterion approval) {
        return new Grant(Kind.CORPORATE, corporateId, versionId, agreement, version, company, outbound, false, null,
                companyRevokedAt, approval);
    }

    public boolean covers(Instant at) {
        if (revokedAt != null && !at.isBefore(revokedAt)) {
            return false;
        }
        if (kind == Kind.INDIVIDUAL) {
            return coversPrior || !signedAt.isAfter(at);
        }
        LocalDate day = at.atZone(ZoneOffset.UTC).toLocalDate();
        return !day.isBefore(approval.validFrom())
                && (approval.validUntil() == null || !day.isAfter(approval.validUntil()));
    }

    /** The instants at which {@link #covers} may change its answer. */
    public List<Instant> boundaries() {
        List<Instant> at = new ArrayList<>();
        if (signedAt != null) {
            at.add(signedAt);
        }
        if (revokedAt != null) {
            at.add(revokedAt);
        }
        if (approval != null) {
            at.add(approval.validFrom().atStartOfDay(ZoneOffset.UTC).toInstant());
            if (approval.validUntil() != null) {
                at.add(approval.validUntil().plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
            }
        }
        return at;
    }

    /** In a few words, for a report or a check: what it is and when it was given. */
    public String describe() {
        if (kind == Kind.INDIVIDUAL) {
            return "signed " + agreement + " " + version + " on " + signedAt;
        }
        return "approved by " + company + " under " + agreement + " " + version + " (" + approval.kind() + " "
                + approval.value() + ")";
    }
}
