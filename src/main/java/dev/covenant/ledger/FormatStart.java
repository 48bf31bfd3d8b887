package dev.covenant.ledger;

import java.sql.Connection;
import java.sql.SQLException;

import dev.covenant.jdbc.Rows;

/** Where format 2 begins in this database's ledger, as the V20 migration recorded it. */
final class FormatStart {

    private FormatStart() {
    }

    static long firstOfFormat2(Connection c) throws SQLException {
        return Rows.first(c, "SELECT first_seq FROM ledger_format_start WHERE format = 2", rs -> rs.getLong(1))
                .orElseThrow(() -> new IllegalStateException("ledger_format_start has no row for format 2"));
    }
}
