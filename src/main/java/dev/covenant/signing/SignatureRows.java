package dev.covenant.signing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.covenant.jdbc.CopyRows;
import dev.covenant.jdbc.CopyStream;
import dev.covenant.jdbc.EncodedCopy;
import dev.covenant.ledger.ProtectedTable;

/**
 * Writes new signature rows with one {@code COPY} whatever their number: a batch of signings or an import of a hundred
 * thousand records streams its rows to PostgreSQL while the next ones are encoded, with no statement per row. The rows
 * are written as they are, ledger number included; Hibernate does not manage them afterwards (a later query reads them
 * from the database like any other row). Their ledger entries hash them from the same values ({@link #protect}).
 */
final class SignatureRows {

    private SignatureRows() {
    }

    /** The row the ledger entry speaks for, hashed from every column this class writes. */
    static ProtectedTable.ProtectedRow protect(Signature s) {
        return ProtectedTable.SIGNATURE.row(s.id, columns(s));
    }

    /** The row's columns as {@link #insert} writes them, by the schema's names; null where the column stays null. */
    static Map<String, Object> columns(Signature s) {
        Map<String, Object> columns = new LinkedHashMap<>();
        columns.put("id", s.id.toString());
        columns.put("github_id", s.githubId);
        columns.put("agreement_version_id", s.version.id);
        columns.put("text_sha256", s.textSha256);
        columns.put("fields", s.fields);
        columns.put("signed_at", s.signedAt);
        columns.put("ip", s.ip);
        columns.put("user_agent", s.userAgent);
        columns.put("ledger_seq", s.ledgerSeq);
        columns.put("import_source", s.importSource);
        columns.put("signed_by_comment", s.signedByComment);
        return columns;
    }

    /** Writes the rows, each column as {@link #columns} gives it: what is written is what was hashed. */
    static void insert(List<Signature> signatures) {
        if (signatures.isEmpty()) {
            return;
        }
        Signature.getSession().doWork(c -> copy(c, signatures.stream().map(SignatureRows::columns).toList()));
    }

    /** Writes rows given as {@link #columns} gave them, on {@code c}, with one {@code COPY}. */
    static void copy(Connection c, List<Map<String, Object>> rows) throws SQLException {
        if (rows.isEmpty()) {
            return;
        }
        try (CopyStream copy = CopyStream.open(c, copySql(rows))) {
            for (Map<String, Object> row : rows) {
                row(copy.row(), row);
                copy.endRow();
            }
            long written = copy.finish();
            if (written != rows.size()) {
                throw new IllegalStateException("Wrote " + written + " of " + rows.size() + " signatures");
            }
        }
    }

    /** Rows given as {@link #columns} gave them, encoded for one {@code COPY} sent later; {@code buffer} is reused. */
    static EncodedCopy encode(List<Map<String, Object>> rows, CopyRows buffer) {
        for (Map<String, Object> row : rows) {
            row(buffer, row);
            buffer.endRow();
        }
        return EncodedCopy.take(copySql(rows), buffer, rows.size());
    }

    private static String copySql(List<Map<String, Object>> rows) {
        return "COPY signature (" + String.join(", ", rows.get(0).keySet()) + ") FROM STDIN";
    }

    private static void row(CopyRows buffer, Map<String, Object> row) {
        for (Object value : row.values()) {
            buffer.text(value == null ? null : value.toString());
        }
    }
}
