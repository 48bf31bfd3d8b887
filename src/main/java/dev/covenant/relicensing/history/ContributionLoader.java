package dev.covenant.relicensing.history;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.jboss.logging.Logger;

import dev.covenant.identity.CoAuthors.CoAuthor;
import dev.covenant.identity.GitIdent;
import dev.covenant.identity.Mailmap;
import dev.covenant.jdbc.CopyRows;
import dev.covenant.jdbc.CopyStream;
import dev.covenant.jdbc.Rows;

/**
 * Loads a history into {@code contribution}: every commit is streamed with {@code COPY} into a staging table that
 * lives only in this transaction, then merged in one statement, idempotent by sha, which adds what it brought to the
 * addresses' sums ({@link ContributionSums}) as it goes.
 * Until that last step nothing is visible, so a history that fails half-way (a malformed line) leaves the
 * repository's earlier import exactly as it was. Memory holds one commit and one COPY buffer.
 *
 * <p>One staging table takes both commits ({@code kind} C) and co-authors (A), since a connection runs one COPY at
 * a time.
 */
final class ContributionLoader {

    private static final Logger LOG = Logger.getLogger(ContributionLoader.class);

    /** How many commits were read, how many of them the repository did not have yet, and the time each step took. */
    record Result(long read, long added, long readMillis, long mergeMillis, String listingSha256) {
    }

    /** Hears how far the loading got. */
    interface Listener {
        /** Every {@value #PROGRESS_EVERY} commits, and once at the end of the reading. */
        void read(long commits);

        /** The reading is over; the staged commits are being merged. */
        void merging();
    }

    static final int PROGRESS_EVERY = 5_000;
    /**
     * An import that adds this many commits has the tables analysed at once: autovacuum waits for a tenth of a table
     * to change, and until then the planner would take a new repository's million rows for a few (a report at a
     * cutoff then sorted on disk instead of hashing in memory, 3 s against 2 s).
     */
    static final long ANALYZE_AFTER = 10_000;

    private ContributionLoader() {
    }

    /** Runs in its own transaction on {@code connection} and commits it. */
    static Result load(Connection connection, String repository, Iterator<ParsedCommit> commits, Listener progress)
            throws SQLException {
        return load(connection, repository, commits, Mailmap.parse(""), false, progress);
    }

    /**
     * {@code mailmap} maps the co-authors' addresses as the trailers wrote them (git maps only authors and
     * committers); with {@code listing}, the result carries the SHA-256 of the commits read as a canonical listing
     * ({@link #LISTING}). Runs in its own transaction on {@code connection} and commits it.
     */
    static Result load(Connection connection, String repository, Iterator<ParsedCommit> commits, Mailmap mailmap,
            boolean listing, Listener progress) throws SQLException {
        Result result;
        connection.setAutoCommit(false);
        try {
            try (Statement s = connection.createStatement()) {
                s.execute("CREATE TEMP TABLE staged_history (kind char(1), sha text, name text, email text,"
                        + " authored_at timestamptz, committer_email text, merge boolean, lines_added bigint,"
                        + " lines_deleted bigint, files int, raw_email text, parents text[]) ON COMMIT DROP");
            }
            long started = System.nanoTime();
            Staged staged = stage(connection, commits, mailmap, progress);
            progress.read(staged.commits());
            progress.merging();
            long mergeStarted = System.nanoTime();
            ContributionSums.lock(connection, repository);
            supersedePullRequests(connection, repository, staged.newest());
            String listed = listing ? listing(connection) : null;
            long added = merge(connection, repository, staged);
            connection.commit();
            if (added >= ANALYZE_AFTER) {
                analyze(connection);
                connection.commit();
            }
            result = new Result(staged.commits(), added, (mergeStarted - started) / 1_000_000,
                    (System.nanoTime() - mergeStarted) / 1_000_000, listed);
        } catch (SQLException | RuntimeException | Error e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
        if (result.added() >= ANALYZE_AFTER) {
            vacuum(connection, repository);
        }
        return result;
    }

    /**
     * How many commits were staged, the newest commit date among them (null for none), whether the history listed
     * parents (a history of several commits none of which has a parent was read without {@code --parents}), and the
     * pairs of a mapped address and an address it was written as, where they differ.
     */
    private record Staged(long commits, OffsetDateTime newest, boolean withParents, Set<List<String>> written) {
    }

    private static Staged stage(Connection connection, Iterator<ParsedCommit> commits, Mailmap mailmap,
            Listener progress) throws SQLException {
        long read = 0;
        OffsetDateTime newest = null;
        boolean anyParent = false;
        Set<List<String>> written = new HashSet<>();
        try (CopyStream copy = CopyStream.open(connection, "COPY staged_history FROM STDIN")) {
            while (commits.hasNext()) {
                ParsedCommit commit = commits.next();
                row(copy.row(), commit, mailmap, written);
                copy.sendIfFull();
                anyParent |= !commit.parents().isEmpty();
                if (newest == null || commit.committedAt().isAfter(newest)) {
                    newest = commit.committedAt();
                }
                if (++read % PROGRESS_EVERY == 0) {
                    progress.read(read);
                }
            }
            copy.finish();
            return new Staged(read, newest, anyParent || read <= 1, written);
        }
    }

    private static void row(CopyRows rows, ParsedCommit commit, Mailmap mailmap, Set<List<String>> written) {
        String author = lower(commit.author().email());
        String authorRaw = lower(commit.authorRaw().email());
        if (!author.equals(authorRaw)) {
            written.add(List.of(author, authorRaw));
        }
        rows.text("C").text(commit.sha()).text(commit.author().name()).text(author).time(commit.authoredAt())
                .text(lower(commit.committer().email())).bool(commit.merge()).number(commit.linesAdded())
                .number(commit.linesDeleted()).number(commit.files().size()).text(authorRaw)
                .text("{" + String.join(",", commit.parents()) + "}");
        rows.endRow();
        for (CoAuthor coAuthor : commit.coAuthors()) {
            GitIdent mapped = mailmap.resolve(coAuthor.name(), coAuthor.email());
            String email = lower(mapped.email());
            if (!email.equals(author)) {
                if (!email.equals(coAuthor.email())) {
                    written.add(List.of(email, coAuthor.email()));
                }
                rows.text("A").text(commit.sha()).text(mapped.name()).text(email).time(commit.authoredAt())
                        .nulls(1).bool(commit.merge()).number(commit.linesAdded()).nulls(2).text(coAuthor.email())
                        .nulls(1);
                rows.endRow();
            }
        }
    }

    /**
     * A history's canonical listing: one line per commit, {@code <sha>} then a space and each parent's sha, sorted by
     * sha, each ending in a newline. The same clone gives the same listing whichever tool read it, in whatever order.
     */
    static final String LISTING = "SELECT encode(sha256(convert_to(coalesce(string_agg(sha || rtrim(' '"
            + " || array_to_string(parents, ' ')) || E'\\n', '' ORDER BY sha COLLATE \"C\"), ''), 'UTF8')), 'hex')"
            + " FROM staged_history WHERE kind = 'C'";

    private static String listing(Connection connection) throws SQLException {
        String[] hash = new String[1];
        Rows.query(connection, LISTING, rs -> hash[0] = rs.getString(1));
        return hash[0];
    }

    /**
     * The columns that reports, blame and campaigns select, join or group by: names, committers, file counts and
     * parents' lists are left to autovacuum, which analyses everything once a tenth of a table changed. The sample is a
     * fifth of the usual (6,000 rows a table instead of 30,000): what the planner lacked was how many rows the new
     * repository has, which that sample tells as well; autovacuum takes the full sample later. Every column at the
     * usual sample cost 280 ms after a 35,000-commit import; these columns 160 ms; the smaller sample about 50 ms.
     */
    private static void analyze(Connection connection) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL default_statistics_target = 20");
            s.execute("ANALYZE contribution (repository, sha, author_email, author_raw_email, authored_at, merge,"
                    + " lines_added, pull_request, merged_at), contribution_coauthor (repository, sha, email, raw_email,"
                    + " authored_at, merge, lines_added), contribution_address");
        }
    }

    /**
     * Marks the pages the import filled as visible to every transaction, at once, outside any transaction. Until a
     * vacuum does, every report reads the heap behind each index entry (the count of merges without lines of a
     * 1,000,000-commit history: 80-110 ms with its 20,000 heap fetches, under 3 ms after) and sets the rows' hint
     * bits as it goes; and autovacuum comes a minute or two later, to spend seconds of the machine's cores while the
     * maintainer reads the reports. Pages that are already all-visible are skipped, so this costs what the import
     * added. The rows are committed: a vacuum that fails is logged and the import stands.
     */
    private static void vacuum(Connection connection, String repository) {
        long started = System.nanoTime();
        try (Statement s = connection.createStatement()) {
            s.execute("VACUUM contribution, contribution_coauthor, contribution_address");
            LOG.debugf("%s - the history's tables vacuumed in %d ms", repository,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (SQLException e) {
            LOG.warnf("%s - vacuuming the history's tables after the import failed (autovacuum will do it): %s",
                    repository, e.getMessage());
        }
    }

    /**
     * Rows recorded from merged pull requests ({@link PullRequestContributions}) give way to the history: those whose
     * sha it holds, and those merged up to its newest commit date, whose commits a squash or rebase merge put into
     * the history under other shas. The addresses they credited are counted again.
     */
    private static void supersedePullRequests(Connection connection, String repository, OffsetDateTime newest)
            throws SQLException {
        boolean[] any = new boolean[1];
        Rows.query(connection, "SELECT 1 FROM contribution WHERE repository = ? AND pull_request IS NOT NULL LIMIT 1",
                rs -> any[0] = true, repository);
        if (!any[0]) {
            return;
        }
        Set<String> credited = new HashSet<>();
        Rows.query(connection,
                "WITH gone AS (DELETE FROM contribution WHERE repository = ? AND pull_request IS NOT NULL"
                        + " AND (merged_at <= ? OR sha IN (SELECT sha FROM staged_history WHERE kind = 'C'))"
                        + " RETURNING sha, author_email), gone_coauthors AS (DELETE FROM contribution_coauthor"
                        + " WHERE repository = ? AND pull_request IS NOT NULL AND sha IN (SELECT sha FROM gone) RETURNING email)"
                        + " SELECT author_email FROM gone UNION SELECT email FROM gone_coauthors",
                rs -> credited.add(rs.getString(1)), repository, newest, repository);
        ContributionSums.recount(connection, repository, credited);
    }

    /**
     * Only the commits (and co-authors) the repository does not have yet, each once, in sha order so that the primary
     * keys grow page by page instead of at random places, each statement adding what it inserted to the sums. The
     * repository's {@linkplain ContributionSums#lock lock} is held, so no other writer adds a row between the check
     * and the insert, which can then go without {@code ON CONFLICT}: a third faster for a million commits.
     */
    private static long merge(Connection connection, String repository, Staged staged) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("SET LOCAL work_mem = '256MB'");
        }
        long added = ContributionSums.insertCommits(connection, "INSERT INTO contribution (repository, sha,"
                + " author_name, author_email, authored_at, committer_email, merge, lines_added, lines_deleted, files,"
                + " author_raw_email, parents) SELECT DISTINCT ON (sha) ?, sha, name, email, authored_at,"
                + " committer_email, merge, lines_added, lines_deleted, files, raw_email, CASE WHEN ? THEN parents END"
                + " FROM staged_history s WHERE kind = 'C' AND NOT EXISTS (SELECT 1"
                + " FROM contribution c WHERE c.repository = ? AND c.sha = s.sha) ORDER BY sha", repository,
                staged.withParents(), repository);
        ContributionSums.insertCoAuthors(connection, "INSERT INTO contribution_coauthor (repository, sha, name, email,"
                + " authored_at, lines_added, raw_email, merge) SELECT DISTINCT ON (sha, email) ?, sha, name, email,"
                + " authored_at, lines_added, raw_email, coalesce(merge, false) FROM staged_history s WHERE kind = 'A' AND NOT EXISTS"
                + " (SELECT 1 FROM contribution_coauthor a WHERE a.repository = ? AND a.sha = s.sha"
                + " AND a.email = s.email) ORDER BY sha, email", repository, repository);
        if (added < staged.commits()) {
            completeEarlierImport(connection, repository, staged.withParents());
        }
        if (!staged.written().isEmpty()) {
            List<List<String>> pairs = List.copyOf(staged.written());
            Rows.update(connection, "INSERT INTO contribution_raw_address (repository, email, raw_email)"
                    + " SELECT ?, u.email, u.raw FROM unnest(?::text[], ?::text[]) AS u(email, raw)"
                    + " ON CONFLICT DO NOTHING", repository, Rows.texts(pairs.stream().map(p -> p.get(0)).toList()),
                    Rows.texts(pairs.stream().map(p -> p.get(1)).toList()));
        }
        return added;
    }

    /**
     * Commits imported before without parents or written addresses get them from this import, so that importing
     * again is how a history gains what a report at a commit needs. The sums change only where a commit turns out to
     * be a merge without lines of its own (an earlier listing showed neither a {@code Merge:} line nor parents), which
     * is no longer credited: its author and co-authors are counted again.
     */
    private static void completeEarlierImport(Connection connection, String repository, boolean withParents)
            throws SQLException {
        Set<String> recount = new HashSet<>();
        Rows.query(connection, "WITH flipped AS (SELECT c.sha, c.author_email FROM contribution c"
                + " JOIN staged_history s ON s.kind = 'C' AND s.sha = c.sha WHERE c.repository = ?"
                + " AND c.pull_request IS NULL AND s.merge AND NOT c.merge AND c.lines_added = 0),"
                + " u AS (UPDATE contribution c SET parents = CASE WHEN ? THEN s.parents ELSE c.parents END,"
                + " author_raw_email = coalesce(c.author_raw_email, s.raw_email), merge = c.merge OR s.merge"
                + " FROM staged_history s WHERE s.kind = 'C' AND c.repository = ? AND c.sha = s.sha"
                + " AND c.pull_request IS NULL"
                + " AND ((c.parents IS NULL AND ?) OR c.author_raw_email IS NULL OR (s.merge AND NOT c.merge))),"
                + " coauthors AS (UPDATE contribution_coauthor a SET merge = true FROM flipped f"
                + " WHERE a.repository = ? AND a.sha = f.sha RETURNING a.email)"
                + " SELECT author_email FROM flipped UNION SELECT email FROM coauthors",
                rs -> recount.add(rs.getString(1)), repository, withParents, repository, withParents, repository);
        ContributionSums.recount(connection, repository, recount);
        Rows.update(connection, "UPDATE contribution_coauthor a SET raw_email = s.raw_email FROM staged_history s"
                + " WHERE s.kind = 'A' AND a.repository = ? AND a.sha = s.sha AND a.email = s.email"
                + " AND a.raw_email IS NULL", repository);
    }

    private static String lower(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
