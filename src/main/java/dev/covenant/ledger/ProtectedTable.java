package dev.covenant.ledger;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;

/**
 * The tables whose rows ledger entries speak for. Each is append-only in the database; an entry about one of its rows
 * stores the row's hash, which verify re-derives from the row itself. The names are the schema's: the ledger is the
 * record of them, not their owner.
 */
public enum ProtectedTable {

    SIGNATURE("signature", "id", "uuid"), SIGNATURE_REVOCATION("signature_revocation", "signature_id",
            "uuid"), CORPORATE_AGREEMENT("corporate_agreement", "id", "uuid"), CORPORATE_REVOCATION(
                    "corporate_revocation", "corporate_id",
                    "uuid"), APPROVAL("approval", "id", "bigint"), APPROVAL_REMOVAL("approval_removal", "approval_id",
                            "bigint"), CONSENT("consent", "id", "bigint");

    private final String table;
    private final String idColumn;
    private final String idType;

    ProtectedTable(String table, String idColumn, String idType) {
        this.table = table;
        this.idColumn = idColumn;
        this.idType = idType;
    }

    public String table() {
        return table;
    }

    String idColumn() {
        return idColumn;
    }

    String idType() {
        return idType;
    }

    /** A row of this table, by its key as text; the ledger reads its hash back once it is written. */
    public ProtectedRow row(Object id) {
        return new ProtectedRow(this, String.valueOf(id), null);
    }

    /**
     * A row of this table written with exactly these columns (every non-null one, valued as {@link RowHashes#of}
     * takes them): its hash is computed from them rather than read back, which a batch of thousands of rows needs.
     * Verify reads the row itself, so a column left out here shows up as a broken entry, not as a silent gap.
     */
    public ProtectedRow row(Object id, Map<String, ?> columns) {
        return new ProtectedRow(this, String.valueOf(id), RowHashes.of(this, columns));
    }

    static Optional<ProtectedTable> named(String table) {
        return Arrays.stream(values()).filter(t -> t.table.equals(table)).findFirst();
    }

    /** One row an entry speaks for, with its hash where the writer computed it ({@code null}: read it back). */
    public record ProtectedRow(ProtectedTable table, String id, String hash) {
    }
}
