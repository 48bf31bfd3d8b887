package dev.covenant.coverage;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.covenant.agreement.OutboundPolicy;
import dev.covenant.agreement.OutboundTerms;
import dev.covenant.jdbc.Rows;
import dev.covenant.signing.Approval;

/**
 * The one reader of the signing records for coverage: a project's grants, in set-based queries whatever the number of
 * people asked about (a pull request's few, a relicensing report's hundred thousand). Every version of the project's
 * agreements is read; which versions count is the caller's question ({@link CoverageRules#evaluate}).
 */
final class GrantLookup {

    private static final String SIGNATURES = "SELECT s.id, s.github_id, v.id AS version_id, a.slug, v.version,"
            + " v.outbound_policy, v.outbound_licenses, v.covers_prior_contributions, s.signed_at, r.revoked_at"
            + " FROM signature s LEFT JOIN signature_revocation r ON r.signature_id = s.id"
            + " JOIN agreement_version v ON v.id = s.agreement_version_id"
            + " JOIN agreement a ON a.id = v.agreement_id WHERE a.id = ? AND s.github_id = ANY(?)"
            + " ORDER BY s.signed_at DESC";
    private static final String APPROVALS = "SELECT ca.id, v.id AS version_id, ca.company, a.slug, v.version,"
            + " v.outbound_policy, v.outbound_licenses, cr.revoked_at, ap.kind, ap.value, ap.valid_from,"
            + " ap.valid_until FROM approval ap JOIN corporate_agreement ca ON ca.id = ap.corporate_id"
            + " LEFT JOIN corporate_revocation cr ON cr.corporate_id = ca.id"
            + " JOIN agreement_version v ON v.id = ca.agreement_version_id JOIN agreement a ON a.id = v.agreement_id"
            + " WHERE a.id = ? AND NOT EXISTS (SELECT 1 FROM approval_removal rm WHERE rm.approval_id = ap.id)";

    private GrantLookup() {
    }

    /** Each account's signatures of any version of the agreement, the newest first. */
    static Map<Long, List<Grant>> signatures(Connection c, Long agreementId, Collection<Long> githubIds)
            throws SQLException {
        Map<Long, List<Grant>> grants = new HashMap<>();
        if (agreementId == null || githubIds.isEmpty()) {
            return grants;
        }
        Rows.query(c, SIGNATURES, rs -> grants.computeIfAbsent(rs.getLong("github_id"), k -> new ArrayList<>())
                .add(Grant.individual(rs.getString("id"), rs.getLong("version_id"), rs.getString("slug"),
                        rs.getString("version"), terms(rs), rs.getBoolean("covers_prior_contributions"),
                        Rows.instant(rs, "signed_at"), Rows.instant(rs, "revoked_at"))),
                agreementId, Rows.longs(githubIds));
        return grants;
    }

    /** Every line of the approval lists of the companies that signed any version of the corporate agreement. */
    static Approvals approvals(Connection c, Long corporateAgreementId) throws SQLException {
        List<Grant> grants = new ArrayList<>();
        if (corporateAgreementId != null) {
            Rows.query(c, APPROVALS, rs -> grants.add(approval(rs)), corporateAgreementId);
        }
        return new Approvals(grants);
    }

    /**
     * The lines that may name someone with these logins and addresses (and every organisation line, which only GitHub
     * can match): for a few people, cheaper than the whole lists.
     */
    static Approvals approvals(Connection c, Long corporateAgreementId, Collection<String> logins,
            Collection<String> emails) throws SQLException {
        List<Grant> grants = new ArrayList<>();
        if (corporateAgreementId != null) {
            List<String> domains = emails.stream().map(e -> e.substring(e.indexOf('@') + 1)).distinct().toList();
            Rows.query(c, APPROVALS + " AND ((ap.kind = 'GITHUB_USER' AND lower(ap.value) = ANY(?))"
                    + " OR (ap.kind = 'EMAIL' AND ap.value = ANY(?)) OR (ap.kind = 'DOMAIN' AND ap.value = ANY(?))"
                    + " OR ap.kind = 'GITHUB_ORG')", rs -> grants.add(approval(rs)), corporateAgreementId,
                    Rows.texts(logins.stream().map(String::toLowerCase).toList()), Rows.texts(emails),
                    Rows.texts(domains));
        }
        return new Approvals(grants);
    }

    private static Grant approval(ResultSet rs) throws SQLException {
        Grant.Criterion criterion = new Grant.Criterion(Approval.Kind.valueOf(rs.getString("kind")),
                rs.getString("value"), rs.getObject("valid_from", LocalDate.class),
                rs.getObject("valid_until", LocalDate.class));
        return Grant.corporate(rs.getString("id"), rs.getLong("version_id"), rs.getString("company"),
                rs.getString("slug"), rs.getString("version"), terms(rs), Rows.instant(rs, "revoked_at"), criterion);
    }

    private static OutboundTerms terms(ResultSet rs) throws SQLException {
        String listed = rs.getString("outbound_licenses");
        return new OutboundTerms(OutboundPolicy.valueOf(rs.getString("outbound_policy")),
                listed == null || listed.isEmpty() ? List.of() : List.of(listed.split(",")));
    }
}
