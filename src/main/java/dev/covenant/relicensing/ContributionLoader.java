package dev.covenant.relicensing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Iterator;
import java.util.Locale;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import dev.covenant.checks.CoAuthors.CoAuthor;

/**
 * Loads a history into {@code contribution}: every commit is streamed with {@code COPY} into a staging table that
 * lives only in this transaction, then merged in one statement, idempotent by sha ({@code ON CONFLICT DO NOTHING}).
 * Until that last step nothing is visible, so a history that fails half-way (a malformed line) leaves the
 * repository's earlier import exactly as it was. Memory holds one commit and one COPY buffer.
 *
 * <p>One staging table takes both commits ({@code kind} C) and co-authors (A), since a connection runs one COPY at
 * a time.
 */
final class ContributionLoader {

    /** How many commits were read, how many of them the repository did not have yet, and the time each step took. */
    record Result(long read, long added, long readMillis, long mergeMillis) {
    }

    /** Hears how far the loading got. */
    interface Listener {
        /** Every {@value #PROGRESS_EVERY} commits, and once at the end of the reading. */
        void read(long commits);

        /** The reading is over; the staged commits are being merged. */
        void merging();
    }

    static final int PROGRESS_EVERY = 5_000;
    private static final int FLUSH_BYTES = 1 << 18;

    private ContributionLoader() {
    }

    /** Runs in its own transaction on {@code connection} and commits it. */
    static Result load(Connection connection, String repository, Iterator<ParsedCommit> commits, Listener progress)
            throws SQLException {
        connection.setAutoCommit(false);
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TEMP TABLE staged_history (kind char(1), sha text, name text, email text,"
                        + " authored_at timestamptz, committer_email text, merge boolean, lines_added bigint,"
                        + " lines_deleted bigint, files int) ON COMMIT DROP");
            }
            long started = System.nanoTime();
            long read = stage(connection, commits, progress);
            progress.read(read);
            progress.merging();
            long staged = System.nanoTime();
            long added = merge(connection, repository);
            connection.commit();
            return new Result(read, added, (staged - started) / 1_000_000, (System.nanoTime() - staged) / 1_000_000);
        } catch (SQLException | RuntimeException | Error e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private static long stage(Connection connection, Iterator<ParsedCommit> commits, Listener progress)
            throws SQLException {
        CopyIn copy = connection.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY staged_history FROM STDIN");
        CopyRows rows = new CopyRows();
        long read = 0;
        try {
            while (commits.hasNext()) {
                row(rows, commits.next());
                if (++read % PROGRESS_EVERY == 0) {
                    progress.read(read);
                }
                if (rows.length() >= FLUSH_BYTES) {
                    copy.writeToCopy(rows.bytes(), 0, rows.length());
                    rows.clear();
                }
            }
            copy.writeToCopy(rows.bytes(), 0, rows.length());
            copy.endCopy();
            return read;
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

    private static void row(CopyRows rows, ParsedCommit commit) {
        String author = lower(commit.author().email());
        rows.text("C").text(commit.sha()).text(commit.author().name()).text(author).time(commit.authoredAt())
                .text(lower(commit.committer().email())).bool(commit.merge()).number(commit.linesAdded())
                .number(commit.linesDeleted()).number(commit.files().size());
        rows.endRow();
        for (CoAuthor coAuthor : commit.coAuthors()) {
            if (!coAuthor.email().equals(author)) {
                rows.text("A").text(commit.sha()).text(coAuthor.name()).text(coAuthor.email())
                        .time(commit.authoredAt()).nulls(2).number(commit.linesAdded()).nulls(2);
                rows.endRow();
            }
        }
    }

    /** In sha order, so that the primary keys grow page by page instead of at random places. */
    private static long merge(Connection connection, String repository) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL work_mem = '256MB'");
        }
        long added;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contribution (repository, sha,"
                + " author_name, author_email, authored_at, committer_email, merge, lines_added, lines_deleted, files)"
                + " SELECT ?, sha, name, email, authored_at, committer_email, merge, lines_added, lines_deleted, files"
                + " FROM staged_history WHERE kind = 'C' ORDER BY sha ON CONFLICT DO NOTHING")) {
            insert.setString(1, repository);
            added = insert.executeLargeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO contribution_coauthor (repository,"
                + " sha, name, email, authored_at, lines_added) SELECT ?, sha, name, email, authored_at, lines_added"
                + " FROM staged_history WHERE kind = 'A'"
                + " ORDER BY sha, email ON CONFLICT DO NOTHING")) {
            insert.setString(1, repository);
            insert.executeLargeUpdate();
        }
        return added;
    }

    private static String lower(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
