package dev.covenant.coverage;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongPredicate;

import dev.covenant.project.Allowlist;
import dev.covenant.signing.Approval;

/**
 * THE coverage rule, pure: which of a subject's grants cover a contribution made at an instant, and so whether the
 * subject is covered and by what. The pull-request check asks about now, the relicensing report about each stretch of
 * contributions ({@link Grant#boundaries}), blame verdicts and campaigns through the report; the facts come from
 * {@link GrantLookup} and organisation memberships from {@link Memberships}.
 */
public final class CoverageRules {

    /** Signatures before company approvals, the newest signature first. */
    private static final Comparator<Grant> PREFERENCE = Comparator
            .comparing((Grant g) -> g.kind() == Grant.Kind.INDIVIDUAL ? 0 : 1)
            .thenComparing(g -> g.signedAt() == null ? Instant.MIN : g.signedAt(), Comparator.reverseOrder());

    private CoverageRules() {
    }

    /**
     * The grants that are the subject's: every signature given (the caller loads only the subject's own), and each
     * company approval whose criterion names the subject; {@code memberOf} are the organisations GitHub says the
     * subject's login belongs to. In order of preference.
     */
    public static List<Grant> matching(CoverageSubject subject, List<Grant> candidates, Set<String> memberOf) {
        List<Grant> mine = new ArrayList<>(candidates.size());
        for (Grant grant : candidates) {
            if (grant.kind() == Grant.Kind.INDIVIDUAL || matches(grant.approval(), subject, memberOf)) {
                mine.add(grant);
            }
        }
        mine.sort(PREFERENCE);
        return mine;
    }

    /** Whether a company's approval names the subject: by login, address, the address's domain or organisation. */
    public static boolean matches(Grant.Criterion criterion, CoverageSubject subject, Set<String> memberOf) {
        return switch (criterion.kind()) {
            case GITHUB_USER -> subject.login() != null && subject.login().equalsIgnoreCase(criterion.value());
            case EMAIL -> subject.emails().contains(criterion.value());
            case DOMAIN -> subject.emails().stream().anyMatch(e -> e.endsWith("@" + criterion.value()));
            case GITHUB_ORG -> memberOf.contains(criterion.value());
        };
    }

    /** A company's approval of an address or a domain: it covers only what was written under such an address. */
    public static boolean approvesByAddress(Grant grant) {
        return grant.kind() == Grant.Kind.CORPORATE && (grant.approval().kind() == Approval.Kind.EMAIL
                || grant.approval().kind() == Approval.Kind.DOMAIN);
    }

    /**
     * Whether a company's approval of an address or a domain names {@code written}, the address a commit was written
     * under (before a {@code .mailmap} mapped it), ignoring case.
     */
    public static boolean approvesWritten(Grant grant, String written) {
        String value = grant.approval().value().toLowerCase(Locale.ROOT);
        String address = written.toLowerCase(Locale.ROOT);
        return grant.approval().kind() == Approval.Kind.EMAIL ? address.equals(value) : address.endsWith("@" + value);
    }

    /** Of the subject's grants (in order of preference), those that cover a contribution made at {@code at}. */
    public static List<Grant> covering(List<Grant> grants, Instant at) {
        if (grants.isEmpty()) {
            return List.of();
        }
        List<Grant> covering = new ArrayList<>(grants.size());
        for (Grant grant : grants) {
            if (grant.covers(at)) {
                covering.add(grant);
            }
        }
        return covering;
    }

    /**
     * Is the subject covered at {@code at} under a project that accepts the versions {@code accepted} (by id): by its
     * allowlist, else by the preferred covering grant of an accepted version. {@code grants} are the subject's own
     * ({@link #matching}).
     */
    public static Coverage evaluate(Allowlist allowlist, LongPredicate accepted, CoverageSubject subject,
            List<Grant> grants, Instant at) {
        if (subject.login() != null) {
            for (String pattern : allowlist.patterns()) {
                if (new Allowlist(List.of(pattern)).allows(subject.login())) {
                    return new Coverage(true, Coverage.By.ALLOWLIST,
                            subject.login() + " is allowlisted by '" + pattern + "'", null, pattern);
                }
            }
        }
        for (Grant grant : covering(grants, at)) {
            if (accepted.test(grant.versionId())) {
                return Coverage.granted(grant);
            }
        }
        String reason = NotCovered.reason(subject, grants, accepted, at);
        String held = heldVersion(grants, accepted, at);
        return held == null ? Coverage.none(reason) : Coverage.superseded(reason, held);
    }

    /**
     * The newest version the subject signed, and has not revoked, that would cover them at {@code at} but that the
     * project no longer accepts; null when there is none (they never signed, or revoked).
     */
    static String heldVersion(List<Grant> grants, LongPredicate accepted, Instant at) {
        for (Grant grant : grants) {
            if (grant.kind() == Grant.Kind.INDIVIDUAL && grant.revokedAt() == null && !accepted.test(grant.versionId())
                    && grant.covers(at)) {
                return grant.version();
            }
        }
        return null;
    }

    /** Every version counts: what the relicensing report asks, since any signed version granted its own terms. */
    public static final LongPredicate ANY_VERSION = version -> true;

    static boolean isOrganisation(Grant grant) {
        return grant.kind() == Grant.Kind.CORPORATE && grant.approval().kind() == Approval.Kind.GITHUB_ORG;
    }
}
