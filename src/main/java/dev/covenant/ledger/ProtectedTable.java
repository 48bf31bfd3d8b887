package dev.covenant.ledger;

import java.util.Arrays;
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

    /** A row of this table, by its key as text. */
    public ProtectedRow row(Object id) {
        return new ProtectedRow(this, String.valueOf(id));
    }

    static Optional<ProtectedTable> named(String table) {
        return Arrays.stream(values()).filter(t -> t.table.equals(table)).findFirst();
    }

    /** One row an entry speaks for. */
    public record ProtectedRow(ProtectedTable table, String id) {
    }
}
