package dev.covenant.jdbc;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;
import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * Looks for signs that the pool's connections share PostgreSQL server sessions, as they do through a pooler in
 * transaction mode. Two connections, A idle between statements and B holding a transaction open: on a session of
 * its own each keeps one server process for its life, so B's process is never A's and A's stays the same. Through
 * a transaction-mode pooler A's process goes back to the pooler after each statement: B is given it (PgBouncer
 * hands out the most recently freed server connection first), or else, with B holding another one, A's next
 * statement may run elsewhere. Either sight is proof; not seeing one is not proof of the contrary (a pooler that
 * hands out its connections round robin, with other clients busy, can escape it), hence three rounds.
 */
public final class SharedSessionProbe {

    private static final int ROUNDS = 3;

    private SharedSessionProbe() {
    }

    /** What was seen, in words for the log; empty when every connection kept a session of its own. */
    public static Optional<String> sharedSessions(DataSource dataSource) throws SQLException {
        try (Connection a = dataSource.getConnection(); Connection b = dataSource.getConnection()) {
            a.setAutoCommit(true);
            int[] thresholds = {unnamed(a, 0), unnamed(b, 0)};
            try {
                for (int round = 0; round < ROUNDS; round++) {
                    Optional<String> seen = round(a, b);
                    if (seen.isPresent()) {
                        return seen;
                    }
                }
                return Optional.empty();
            } finally {
                unnamed(a, thresholds[0]);
                unnamed(b, thresholds[1]);
            }
        }
    }

    /**
     * Sets the connection's prepare threshold, returning the one it had. At 0 the driver names no statement, its
     * COMMIT and ROLLBACK included: through a pooler a named one could meet another client's of the same name in
     * the shared server session, and the probe would fail before it could tell what it saw.
     */
    private static int unnamed(Connection c, int threshold) throws SQLException {
        PGConnection pg = c.unwrap(PGConnection.class);
        int before = pg.getPrepareThreshold();
        pg.setPrepareThreshold(threshold);
        return before;
    }

    private static Optional<String> round(Connection a, Connection b) throws SQLException {
        long first = pid(a);
        b.setAutoCommit(false);
        try {
            long other = pid(b);
            if (other == first) {
                return Optional.of("two connections open at once ran in one PostgreSQL server process (" + first + ")");
            }
            long again = pid(a);
            if (again != first) {
                return Optional.of("one connection ran consecutive statements in two PostgreSQL server processes ("
                        + first + ", then " + again + ")");
            }
            return Optional.empty();
        } finally {
            b.rollback();
            b.setAutoCommit(true);
        }
    }

    private static long pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
