package dev.covenant.relicensing.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import dev.covenant.jdbc.Rows;

/**
 * What each address contributed to a repository, summed ({@code contribution_address}, migration V10): the commits
 * credited to it as author or co-author and their lines, those it authored and theirs, its first and last
 * contribution, and the name of its newest one. The relicensing report reads these rows instead of every credit.
 *
 * <p>Every writer of {@code contribution} and {@code contribution_coauthor} keeps them through this class, in its own
 * transaction and under the repository's {@linkplain #lock lock}: an insert adds what it inserted, in the same
 * statement and in one aggregate pass however many rows it brought; a delete counts the addresses it touched again
 * from their commits. {@link #rebuild} counts a repository from scratch.
 *
 * <p>A merge without lines of its own (git printed it as a merge, and it adds no line) is credited to no one: the
 * {@code contribution_credit} view (V24) and the inserts here leave it out alike.
 *
 * <p>Of the contributions at an address's newest date, the name kept is the greatest, so that adding in any order
 * and counting from scratch agree.
 */
public final class ContributionSums {

    /** The credit of each row an {@code INSERT INTO contribution} returns: its author's. */
    private static final String AUTHOR_CREDIT = "repository, author_email AS email, author_name AS name, authored_at,"
            + " lines_added, 1 AS authored, lines_added > 0 OR NOT merge AS credited";
    /** The credit of each row an {@code INSERT INTO contribution_coauthor} returns (it carries its commit's merge). */
    private static final String COAUTHOR_CREDIT = "repository, email, name, authored_at, lines_added, 0 AS authored,"
            + " lines_added > 0 OR NOT merge AS credited";
    private static final String COLUMNS = "contribution_address AS a (repository, email, commits, lines_added,"
            + " authored, authored_lines, first_at, last_at, name)";
    private static final String ADDED = "INSERT INTO " + COLUMNS + " " + summed("added WHERE credited")
            + " ON CONFLICT (repository, email) DO UPDATE SET commits = a.commits + EXCLUDED.commits,"
            + " lines_added = a.lines_added + EXCLUDED.lines_added, authored = a.authored + EXCLUDED.authored,"
            + " authored_lines = a.authored_lines + EXCLUDED.authored_lines,"
            + " first_at = least(a.first_at, EXCLUDED.first_at), last_at = greatest(a.last_at, EXCLUDED.last_at),"
            + " name = CASE WHEN (EXCLUDED.last_at, EXCLUDED.name) > (a.last_at, a.name) THEN EXCLUDED.name"
            + " ELSE a.name END";

    private ContributionSums() {
    }

    /**
     * The repository's contributions and sums are this transaction's to change until it ends: a recount then never
     * misses a row that commits beside it, and a writer that has seen which commits are new may insert them without
     * {@code ON CONFLICT}. Writers take it before they write.
     */
    static void lock(Connection c, String repository) throws SQLException {
        Rows.query(c, "SELECT contribution_lock(?)", rs -> {
        }, Rows.texts(List.of(repository)));
    }

    /**
     * Runs {@code insert}, an {@code INSERT INTO contribution} without {@code RETURNING}, and adds each row it
     * inserted to its author's sums in the same statement. Returns how many rows it inserted.
     */
    static long insertCommits(Connection c, String insert, Object... args) throws SQLException {
        return insertCounted(c, insert, AUTHOR_CREDIT, args);
    }

    /** As {@link #insertCommits}, for an {@code INSERT INTO contribution_coauthor}: co-authors' sums. */
    static long insertCoAuthors(Connection c, String insert, Object... args) throws SQLException {
        return insertCounted(c, insert, COAUTHOR_CREDIT, args);
    }

    private static long insertCounted(Connection c, String insert, String credit, Object... args)
            throws SQLException {
        long[] inserted = new long[1];
        Rows.query(c, "WITH added AS (" + insert + " RETURNING " + credit + "), summed AS (" + ADDED + ")"
                + " SELECT count(*) FROM added", rs -> inserted[0] = rs.getLong(1), args);
        return inserted[0];
    }

    /**
     * Counts the given addresses of a repository again from its commits, after a writer deleted or changed some of
     * their rows; an address left with none loses its row. Reads only those addresses' commits (the indexes of V10).
     */
    static void recount(Connection c, String repository, Collection<String> emails) throws SQLException {
        if (emails.isEmpty()) {
            return;
        }
        Rows.Array addresses = Rows.texts(List.copyOf(emails));
        Rows.update(c, "DELETE FROM contribution_address WHERE repository = ? AND email = ANY(?)", repository,
                addresses);
        Rows.update(c, "INSERT INTO " + COLUMNS + " "
                + summed("contribution_credit WHERE repository = ? AND email = ANY(?)"), repository, addresses);
    }

    /**
     * Counts every address of a repository again from its commits: in {@code c}'s transaction, or in one of its own
     * when {@code c} is in auto-commit.
     */
    public static void rebuild(Connection c, String repository) throws SQLException {
        inTransaction(c, () -> recountRepository(c, repository));
    }

    /**
     * Counts every repository again from its commits, one transaction per repository so that a writer waits only
     * for its own repository's turn. {@code c} must be in auto-commit.
     */
    public static void rebuildAll(Connection c) throws SQLException {
        if (!c.getAutoCommit()) {
            throw new IllegalStateException("rebuilding every repository's sums commits as it goes: not in a caller's"
                    + " transaction");
        }
        List<String> repositories = new ArrayList<>();
        Rows.query(c, "SELECT repository FROM contribution UNION SELECT repository FROM contribution_address"
                + " ORDER BY 1", rs -> repositories.add(rs.getString(1)));
        for (String repository : repositories) {
            rebuild(c, repository);
        }
    }

    private static void recountRepository(Connection c, String repository) throws SQLException {
        lock(c, repository);
        Rows.update(c, "DELETE FROM contribution_address WHERE repository = ?", repository);
        Rows.update(c, "INSERT INTO " + COLUMNS + " " + summed("contribution_credit WHERE repository = ?"), repository);
    }

    /** Some work on a connection, which may throw what JDBC throws. */
    @FunctionalInterface
    private interface Work {
        void run() throws SQLException;
    }

    private static void inTransaction(Connection c, Work work) throws SQLException {
        if (!c.getAutoCommit()) {
            work.run();
            return;
        }
        c.setAutoCommit(false);
        try {
            work.run();
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The credits of {@code source} (a table, or a view with its condition) summed per address. */
    private static String summed(String source) {
        return "SELECT repository, email, count(*), sum(lines_added), sum(authored),"
                + " coalesce(sum(lines_added) FILTER (WHERE authored = 1), 0), min(authored_at), max(authored_at),"
                + " (array_agg(name ORDER BY authored_at DESC, name DESC))[1] FROM " + source
                + " GROUP BY repository, email";
    }
}
