package dev.covenant.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * PostgreSQL's transaction-scoped advisory locks. One is held until the transaction on {@code c} commits or rolls
 * back, so whatever the holder writes is visible before the next holder reads; they serialise work across service
 * instances where there is no row to lock yet.
 */
public final class AdvisoryLocks {

    private AdvisoryLocks() {
    }

    /** Waits for, then holds, the lock named by a number. */
    public static void holdUntilTransactionEnds(Connection c, long key) throws SQLException {
        Rows.query(c, "SELECT pg_advisory_xact_lock(?)", rs -> {
        }, key);
    }

    /** Waits for, then holds, the lock named by a text, hashed by PostgreSQL into the lock's number. */
    public static void holdUntilTransactionEnds(Connection c, String name) throws SQLException {
        Rows.query(c, "SELECT pg_advisory_xact_lock(hashtext(?))", rs -> {
        }, name);
    }
}
