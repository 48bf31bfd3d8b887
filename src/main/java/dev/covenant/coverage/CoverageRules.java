package dev.covenant.coverage;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import dev.covenant.project.Allowlist;
import dev.covenant.signing.Approval;

/**
 * Whether someone is covered for a project at a moment, and by what. Pure: the caller gathers the facts (the
 * person's signatures, the approvals that might apply, organisation memberships) and this decides.
 */
public final class CoverageRules {

    private CoverageRules() {
    }

    /** Who is asking to be covered: a GitHub account, an e-mail address, or both. */
    public record Subject(Long githubId, String login, List<String> emails) {

        public Subject {
            emails = emails.stream().map(String::toLowerCase).distinct().toList();
        }
    }

    public record SignatureFact(UUID id, long versionId, String agreement, String version, boolean coversPrior,
            Instant signedAt, Instant revokedAt) {

        boolean covers(Instant at) {
            boolean started = coversPrior || !signedAt.isAfter(at);
            return started && (revokedAt == null || at.isBefore(revokedAt));
        }
    }

    public record ApprovalFact(UUID corporateId, String company, long versionId, String agreement, String version,
            Approval.Kind kind, String value, LocalDate validFrom, LocalDate validUntil, Instant corporateRevokedAt) {
    }

    public record Facts(Allowlist allowlist, Set<Long> acceptedVersionIds, Subject subject,
            List<SignatureFact> signatures,
            List<ApprovalFact> approvals, Set<String> memberOfOrgs, Instant at) {
    }

    public enum By {
        ALLOWLIST, INDIVIDUAL, CORPORATE, NONE
    }

    /** The answer; exactly one of signature or approval is set when covered by one of them. */
    public record Coverage(boolean covered, By by, String reason, SignatureFact signature, ApprovalFact approval,
            String allowlistPattern) {
    }

    public static Coverage evaluate(Facts facts) {
        Subject subject = facts.subject();
        if (subject.login() != null) {
            Optional<String> pattern = facts.allowlist().patterns().stream()
                    .filter(p -> new Allowlist(List.of(p)).allows(subject.login())).findFirst();
            if (pattern.isPresent()) {
                return new Coverage(true, By.ALLOWLIST, subject.login() + " is allowlisted by '" + pattern.get() + "'",
                        null, null, pattern.get());
            }
        }
        Optional<SignatureFact> signature = facts.signatures().stream()
                .filter(s -> facts.acceptedVersionIds().contains(s.versionId()) && s.covers(facts.at()))
                .max(Comparator.comparing(SignatureFact::signedAt));
        if (signature.isPresent()) {
            SignatureFact s = signature.get();
            return new Coverage(true, By.INDIVIDUAL,
                    "signed " + s.agreement() + " " + s.version() + " on " + s.signedAt(),
                    s, null, null);
        }
        LocalDate day = facts.at().atZone(ZoneOffset.UTC).toLocalDate();
        Optional<ApprovalFact> approval = facts.approvals().stream()
                .filter(a -> facts.acceptedVersionIds().contains(a.versionId()))
                .filter(a -> a.corporateRevokedAt() == null || facts.at().isBefore(a.corporateRevokedAt()))
                .filter(a -> !day.isBefore(a.validFrom()) && (a.validUntil() == null || !day.isAfter(a.validUntil())))
                .filter(a -> matches(a, subject, facts.memberOfOrgs()))
                .findFirst();
        if (approval.isPresent()) {
            ApprovalFact a = approval.get();
            return new Coverage(true, By.CORPORATE, "approved by " + a.company() + " under " + a.agreement() + " "
                    + a.version() + " (" + a.kind() + " " + a.value() + ")", null, a, null);
        }
        return new Coverage(false, By.NONE, reasonNotCovered(facts), null, null, null);
    }

    static boolean matches(ApprovalFact approval, Subject subject, Set<String> memberOfOrgs) {
        return switch (approval.kind()) {
            case GITHUB_USER -> subject.login() != null && subject.login().equalsIgnoreCase(approval.value());
            case EMAIL -> subject.emails().contains(approval.value());
            case DOMAIN -> subject.emails().stream().anyMatch(e -> e.endsWith("@" + approval.value()));
            case GITHUB_ORG -> memberOfOrgs.contains(approval.value());
        };
    }

    private static String reasonNotCovered(Facts facts) {
        boolean revoked = facts.signatures().stream()
                .anyMatch(s -> facts.acceptedVersionIds().contains(s.versionId()) && s.revokedAt() != null);
        boolean oldVersion = facts.signatures().stream()
                .anyMatch(s -> !facts.acceptedVersionIds().contains(s.versionId()));
        if (revoked) {
            return "their signature was revoked";
        }
        if (oldVersion) {
            return "they signed a version this project no longer accepts; a new major version must be signed";
        }
        if (facts.subject().githubId() == null && facts.subject().login() == null) {
            return "no GitHub account has verified this e-mail address, and no company approves it";
        }
        return "no signature of an accepted version and no company approval";
    }
}
