package dev.covenant.relicensing.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.covenant.Sql;
import dev.covenant.jdbc.Rows;

/**
 * The sums the writers kept for a repository ({@code contribution_address}), set against a rebuild from its commits
 * ({@link ContributionSums#rebuild}) row by row and column by column. The rebuild is rolled back: the kept rows stay
 * as the writers left them, for the next writer to build on.
 */
public final class KeptSums {

    /** One row of {@code contribution_address}, every column. */
    public record Row(String email, long commits, long linesAdded, long authored, long authoredLines, Instant first,
            Instant last, String name) {
    }

    private KeptSums() {
    }

    /** Asserts that the kept rows are those a rebuild gives, and that there are some; returns them. */
    public static List<Row> assertMatchARebuild(String repository) throws SQLException {
        try (Connection c = Sql.connect()) {
            c.setAutoCommit(false);
            try {
                List<Row> kept = rows(c, repository);
                ContributionSums.rebuild(c, repository);
                List<Row> rebuilt = rows(c, repository);
                assertFalse(rebuilt.isEmpty(), repository + " has contributions to sum");
                // One row per address: the two lists are equal when neither has a row the other lacks.
                assertEquals(without(rebuilt, kept), without(kept, rebuilt),
                        repository + ": the rows a rebuild gives (expected) and the kept ones (actual) that differ");
                return kept;
            } finally {
                c.rollback();
            }
        }
    }

    private static List<Row> without(List<Row> rows, List<Row> others) {
        return rows.stream().filter(r -> !others.contains(r)).toList();
    }

    /** The kept rows, by address. */
    public static List<Row> rows(Connection c, String repository) throws SQLException {
        List<Row> rows = new ArrayList<>();
        Rows.query(c, "SELECT email, commits, lines_added, authored, authored_lines, first_at, last_at, name"
                + " FROM contribution_address WHERE repository = ? ORDER BY email",
                rs -> rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                        Rows.instant(rs, "first_at"), Rows.instant(rs, "last_at"), rs.getString(8))),
                repository);
        return rows;
    }
}
