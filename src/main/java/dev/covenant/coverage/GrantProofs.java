package dev.covenant.coverage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import dev.covenant.jdbc.Rows;

/**
 * What proves a {@link Grant}: the SHA-256 of the exact text signed and the ledger entry of the signature, or of the
 * corporate agreement and of the approval line that matched. Read for many grants at once, so that a report of a
 * hundred thousand contributors costs three queries.
 */
public final class GrantProofs {

    /** A ledger entry: its sequence number and hash. */
    public record LedgerRef(long seq, String hash) {
    }

    /** The proof of a signature or corporate agreement: the text's SHA-256 and its ledger entry. */
    public record Signed(String textSha256, LedgerRef ledger) {
    }

    private final Map<String, Signed> signatures = new HashMap<>();
    private final Map<String, Signed> corporate = new HashMap<>();
    private final Map<String, LedgerRef> approvals = new HashMap<>();

    private GrantProofs() {
    }

    /** The proofs of these signatures and corporate agreements (ids as {@link Grant#id}), with every approval line. */
    public static GrantProofs read(Connection c, Collection<String> signatureIds, Collection<String> corporateIds)
            throws SQLException {
        GrantProofs proofs = new GrantProofs();
        if (!signatureIds.isEmpty()) {
            Rows.query(c, "SELECT s.id::text, s.text_sha256, s.ledger_seq, l.hash FROM signature s"
                    + " JOIN ledger_entry l ON l.seq = s.ledger_seq WHERE s.id = ANY(?::uuid[])",
                    rs -> proofs.signatures.put(rs.getString(1),
                            new Signed(rs.getString(2), new LedgerRef(rs.getLong(3), rs.getString(4)))),
                    Rows.texts(signatureIds));
        }
        if (!corporateIds.isEmpty()) {
            // A corporate agreement is signed on the published text of its version: that text's SHA-256.
            Rows.query(c, "SELECT ca.id::text, v.sha256, ca.ledger_seq, l.hash FROM corporate_agreement ca"
                    + " JOIN agreement_version v ON v.id = ca.agreement_version_id"
                    + " JOIN ledger_entry l ON l.seq = ca.ledger_seq WHERE ca.id = ANY(?::uuid[])",
                    rs -> proofs.corporate.put(rs.getString(1),
                            new Signed(rs.getString(2), new LedgerRef(rs.getLong(3), rs.getString(4)))),
                    Rows.texts(corporateIds));
            Rows.query(c, "SELECT ap.corporate_id::text, ap.kind, ap.value, ap.valid_from, ap.ledger_seq, l.hash"
                    + " FROM approval ap JOIN ledger_entry l ON l.seq = ap.ledger_seq"
                    + " WHERE ap.corporate_id = ANY(?::uuid[])"
                    + " AND NOT EXISTS (SELECT 1 FROM approval_removal rm WHERE rm.approval_id = ap.id)",
                    rs -> proofs.approvals.put(key(rs.getString(1), rs.getString(2), rs.getString(3),
                            rs.getObject(4, LocalDate.class)), new LedgerRef(rs.getLong(5), rs.getString(6))),
                    Rows.texts(corporateIds));
        }
        return proofs;
    }

    /** The signature's or corporate agreement's proof. */
    public Optional<Signed> of(Grant.Kind kind, String id) {
        return Optional.ofNullable(kind == Grant.Kind.INDIVIDUAL ? signatures.get(id) : corporate.get(id));
    }

    /**
     * The ledger entry of the approval line a corporate grant matched: its criterion ({@code DOMAIN}, ...), value and
     * first valid day, as in {@link Grant.Criterion}.
     */
    public Optional<LedgerRef> approval(String corporateId, String criterion, String value, LocalDate validFrom) {
        return Optional.ofNullable(approvals.get(key(corporateId, criterion, value, validFrom)));
    }

    private static String key(String corporateId, String kind, String value, LocalDate validFrom) {
        return corporateId + '\n' + kind + '\n' + value + '\n' + validFrom;
    }
}
