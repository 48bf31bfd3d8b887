package dev.covenant.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import dev.covenant.jdbc.Rows;

/**
 * Protected rows that no ledger entry speaks for. The database lets rows be inserted, so a row slipped in behind the
 * service's back (a forged signature, a removal that silently ends an approval) has no entry; verify names it. Rows
 * written before V20 have no entry until they are anchored once ({@link RowAnchoring}); until then they are not counted.
 */
final class UnrecordedRows {

    static final String ANCHORED_KIND = "ledger.rows.anchored";

    private UnrecordedRows() {
    }

    /** Up to {@code limit} ids of the table's rows without an entry, older rows excluded while they await anchoring. */
    static List<String> in(Connection c, ProtectedTable table, boolean includeOlder, long firstOfFormat2, int limit)
            throws SQLException {
        List<Object> args = args(table, includeOlder, firstOfFormat2);
        args.add(limit);
        return Rows.list(c, select(table, includeOlder) + " ORDER BY 1 LIMIT ?", rs -> rs.getString(1),
                args.toArray());
    }

    static long count(Connection c, ProtectedTable table, boolean includeOlder, long firstOfFormat2)
            throws SQLException {
        return Rows.first(c, "SELECT count(*) FROM (" + select(table, includeOlder) + ") x", rs -> rs.getLong(1),
                args(table, includeOlder, firstOfFormat2).toArray()).orElse(0L);
    }

    /** Whether the rows written before V20 have all been anchored. */
    static boolean olderAnchored(Connection c) throws SQLException {
        return Rows.first(c, "SELECT 1 FROM ledger_entry WHERE kind = ? LIMIT 1", rs -> true, ANCHORED_KIND)
                .isPresent();
    }

    private static String select(ProtectedTable table, boolean includeOlder) {
        String id = "t." + table.idColumn();
        return "SELECT " + id + "::text FROM " + table.table() + " t WHERE NOT EXISTS (SELECT 1 FROM ledger_entry e"
                + " WHERE e.row_table = ? AND e.row_id = " + id + "::text)"
                + (includeOlder ? "" : " AND t.ledger_seq >= ?");
    }

    private static List<Object> args(ProtectedTable table, boolean includeOlder, long firstOfFormat2) {
        List<Object> args = new ArrayList<>();
        args.add(table.table());
        if (!includeOlder) {
            args.add(firstOfFormat2);
        }
        return args;
    }
}
