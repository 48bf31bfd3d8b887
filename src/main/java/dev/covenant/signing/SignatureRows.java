package dev.covenant.signing;

import java.sql.PreparedStatement;
import java.util.List;

/**
 * Writes new signature rows with one statement whatever their number, each column as an array: a batch of signings
 * or an import of a hundred thousand records costs one round trip, not one per row. The rows are written as they
 * are, ledger number included; Hibernate does not manage them afterwards (a later query reads them from the
 * database like any other row).
 */
final class SignatureRows {

    private SignatureRows() {
    }

    static void insert(List<Signature> signatures) {
        if (signatures.isEmpty()) {
            return;
        }
        int n = signatures.size();
        String[][] text = new String[8][n];
        Long[] githubId = new Long[n];
        Long[] versionId = new Long[n];
        Long[] ledgerSeq = new Long[n];
        for (int i = 0; i < n; i++) {
            Signature s = signatures.get(i);
            githubId[i] = s.githubId;
            versionId[i] = s.version.id;
            ledgerSeq[i] = s.ledgerSeq;
            text[0][i] = s.id.toString();
            text[1][i] = s.textSha256;
            text[2][i] = s.fields;
            text[3][i] = s.signedAt.toString();
            text[4][i] = s.ip;
            text[5][i] = s.userAgent;
            text[6][i] = s.importSource;
            text[7][i] = s.signedByComment;
        }
        Signature.getSession().doWork(c -> {
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO signature (id, github_id,"
                    + " agreement_version_id, text_sha256, fields, signed_at, ip, user_agent, ledger_seq, import_source,"
                    + " signed_by_comment) SELECT i::uuid, g, v, t, f, s::timestamptz, ip, ua, l, src, c FROM"
                    + " unnest(?::text[], ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[],"
                    + " ?::text[], ?::bigint[], ?::text[], ?::text[]) AS r(i, g, v, t, f, s, ip, ua, l, src, c)")) {
                insert.setArray(1, c.createArrayOf("text", text[0]));
                insert.setArray(2, c.createArrayOf("bigint", githubId));
                insert.setArray(3, c.createArrayOf("bigint", versionId));
                insert.setArray(4, c.createArrayOf("text", text[1]));
                insert.setArray(5, c.createArrayOf("text", text[2]));
                insert.setArray(6, c.createArrayOf("text", text[3]));
                insert.setArray(7, c.createArrayOf("text", text[4]));
                insert.setArray(8, c.createArrayOf("text", text[5]));
                insert.setArray(9, c.createArrayOf("bigint", ledgerSeq));
                insert.setArray(10, c.createArrayOf("text", text[6]));
                insert.setArray(11, c.createArrayOf("text", text[7]));
                int written = insert.executeUpdate();
                if (written != n) {
                    throw new IllegalStateException("Wrote " + written + " of " + n + " signatures");
                }
            }
        });
    }
}
