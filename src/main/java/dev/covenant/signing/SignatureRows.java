package dev.covenant.signing;

import java.util.List;

import dev.covenant.jdbc.Rows;

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
            int written = Rows.update(c, "INSERT INTO signature (id, github_id, agreement_version_id, text_sha256,"
                    + " fields, signed_at, ip, user_agent, ledger_seq, import_source, signed_by_comment)"
                    + " SELECT i::uuid, g, v, t, f, s::timestamptz, ip, ua, l, src, c FROM unnest(?::text[],"
                    + " ?::bigint[], ?::bigint[], ?::text[], ?::text[], ?::text[], ?::text[], ?::text[], ?::bigint[],"
                    + " ?::text[], ?::text[]) AS r(i, g, v, t, f, s, ip, ua, l, src, c)", text[0], githubId, versionId,
                    text[1], text[2], text[3], text[4], text[5], ledgerSeq, text[6], text[7]);
            if (written != n) {
                throw new IllegalStateException("Wrote " + written + " of " + n + " signatures");
            }
        });
    }
}
