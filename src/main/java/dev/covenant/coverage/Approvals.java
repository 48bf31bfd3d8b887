package dev.covenant.coverage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.covenant.identity.Identity;
import dev.covenant.identity.IdentityResolution;
import dev.covenant.jdbc.Rows;

/**
 * The approval lists of every company that signed the project's corporate agreement (any version), indexed by what
 * they name so that each identity is matched in a few look-ups. Organisation approvals ask GitHub whether a
 * contributor with a known login is a member now (GitHub keeps no membership history; the approval's own dates
 * still bound it), once per organisation and login, and only when some company approves an organisation.
 */
final class Approvals {

    /** Whether a GitHub login belongs to an organisation, as GitHub answers now. */
    public interface Membership {
        boolean isMember(String org, String login);
    }

    private final Map<String, List<Grant>> byValue = new HashMap<>();
    private final List<Grant> byOrganisation = new ArrayList<>();
    private final Map<String, Boolean> memberships = new HashMap<>();
    private final Membership membership;

    private Approvals(Membership membership) {
        this.membership = membership;
    }

    static Approvals load(Connection c, Long corporateAgreementId, Membership membership) throws SQLException {
        Approvals approvals = new Approvals(membership);
        if (corporateAgreementId == null) {
            return approvals;
        }
        Rows.query(c, "SELECT ca.id, ca.company, a.slug, v.version, v.outbound_policy, v.outbound_licenses,"
                + " ca.revoked_at, ap.kind, ap.value, ap.valid_from, ap.valid_until FROM approval ap"
                + " JOIN corporate_agreement ca ON ca.id = ap.corporate_id"
                + " JOIN agreement_version v ON v.id = ca.agreement_version_id JOIN agreement a ON a.id = v.agreement_id"
                + " WHERE a.id = ? AND ap.removed_at IS NULL AND ap.kind IN ('EMAIL', 'DOMAIN', 'GITHUB_USER', 'GITHUB_ORG')",
                rs -> {
                    Grant.Approval approval = new Grant.Approval(rs.getString("kind"), rs.getString("value"),
                            rs.getObject("valid_from", java.time.LocalDate.class),
                            rs.getObject("valid_until", java.time.LocalDate.class));
                    Grant grant = Grant.corporate(rs.getString("id"), rs.getString("company"), rs.getString("slug"),
                            rs.getString("version"), ContributorLookup.terms(rs.getString(5), rs.getString(6)),
                            Rows.instant(rs, "revoked_at"), approval);
                    if (approval.kind().equals("GITHUB_ORG")) {
                        approvals.byOrganisation.add(grant);
                    } else {
                        approvals.byValue.computeIfAbsent(approval.kind() + ":" + approval.value(),
                                k -> new ArrayList<>()).add(grant);
                    }
                }, corporateAgreementId);
        return approvals;
    }

    /** The company grants whose approval names this identity, by address, domain, login or organisation. */
    List<Grant> matching(Identity identity) {
        if (byValue.isEmpty() && byOrganisation.isEmpty()) {
            return List.of();
        }
        Set<Grant> grants = new LinkedHashSet<>();
        if (identity.login() != null) {
            byOrganisation.stream().filter(g -> member(g.approval().value(), identity.login())).forEach(grants::add);
        }
        for (String email : identity.emails()) {
            grants.addAll(byValue.getOrDefault("EMAIL:" + email, List.of()));
            grants.addAll(byValue.getOrDefault("DOMAIN:" + email.substring(email.indexOf('@') + 1), List.of()));
        }
        if (identity.login() != null) {
            grants.addAll(byValue.getOrDefault("GITHUB_USER:" + identity.login().toLowerCase(Locale.ROOT), List.of()));
        }
        return grants.stream().filter(g -> g.approval().kind().equals("GITHUB_ORG")
                || IdentityResolution.approves(g.approval(), identity)).toList();
    }

    private boolean member(String org, String login) {
        return memberships.computeIfAbsent(org.toLowerCase(Locale.ROOT) + "/" + login.toLowerCase(Locale.ROOT),
                k -> membership.isMember(org, login));
    }
}
