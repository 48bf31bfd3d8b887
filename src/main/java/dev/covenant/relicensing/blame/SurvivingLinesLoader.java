package dev.covenant.relicensing.blame;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import dev.covenant.jdbc.CopyStream;

/**
 * Streams a blame's counts with {@code COPY} into a staging table that lives only in this job's transaction, then
 * replaces the repository's result for that commit in one step. Until {@link #replace} commits nothing is visible,
 * so a job that fails half-way leaves the earlier result of that commit as it was. One staging table takes both
 * counted lines ({@code kind} L, per file, credit and author date) and skipped files (S), since a connection runs
 * one COPY at a time.
 */
final class SurvivingLinesLoader implements RevisionBlame.Sink, AutoCloseable {

    private final Connection connection;
    private final CopyStream copy;
    private boolean committed;

    private SurvivingLinesLoader(Connection connection) throws SQLException {
        this.connection = connection;
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TEMP TABLE staged_blame (kind char(1), path text, email text, co_authors text[],"
                    + " authored_at timestamptz, amount bigint, reason text) ON COMMIT DROP");
        }
        this.copy = CopyStream.open(connection, "COPY staged_blame FROM STDIN");
    }

    /** Opens this job's transaction on {@code connection}; {@link #close} rolls it back unless replaced. */
    static SurvivingLinesLoader open(Connection connection) throws SQLException {
        return new SurvivingLinesLoader(connection);
    }

    @Override
    public void lines(String path, Map<LineCredit, Long> lines) {
        lines.forEach((credit, count) -> {
            copy.row().text("L").text(path).text(credit.author()).text(array(credit.coAuthors()))
                    .time(credit.authoredAt().atOffset(ZoneOffset.UTC)).number(count).text(null);
            endRow();
        });
    }

    @Override
    public void skipped(String path, String reason, long bytes) {
        copy.row().text("S").text(path).nulls(3).number(bytes).text(reason);
        endRow();
    }

    /**
     * Makes the staged counts the result of {@code repository} at {@code commit}, in place of any earlier one, and
     * keeps the results of the {@code kept} newest blamed revisions only (this one among them).
     */
    void replace(String repository, String commit, int kept) throws SQLException {
        copy.finish();
        // Two jobs of the same commit finishing together would otherwise both delete, then collide on insert.
        run("SELECT pg_advisory_xact_lock(hashtextextended('surviving_lines ' || ? || ' ' || ?, 0))", repository,
                commit);
        run("DELETE FROM surviving_lines WHERE repository = ? AND revision = ?", repository, commit);
        run("DELETE FROM surviving_skipped WHERE repository = ? AND revision = ?", repository, commit);
        run("INSERT INTO surviving_lines (repository, revision, path, author_email, co_authors, authored_at, lines)"
                + " SELECT ?, ?, path, email, co_authors, authored_at, amount FROM staged_blame WHERE kind = 'L'"
                + " ORDER BY path, email", repository, commit);
        run("INSERT INTO surviving_skipped (repository, revision, path, reason, bytes)"
                + " SELECT ?, ?, path, reason, amount FROM staged_blame WHERE kind = 'S'", repository, commit);
        for (String table : new String[] {"surviving_lines", "surviving_skipped"}) {
            run("DELETE FROM " + table + " WHERE repository = ? AND revision <> ? AND revision NOT IN ("
                    + BlameJobs.NEWEST_REVISIONS + ")", repository, commit, repository, kept - 1);
        }
        connection.commit();
        committed = true;
    }

    @Override
    public void close() throws SQLException {
        try {
            copy.close();
            if (!committed) {
                connection.rollback();
            }
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private void endRow() {
        try {
            copy.endRow();
        } catch (SQLException e) {
            throw new IllegalStateException("staging the blame failed: " + e.getMessage(), e);
        }
    }

    private void run(String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.execute();
        }
    }

    /** A PostgreSQL array literal, every element quoted, so that no address can break out of it. */
    static String array(List<String> values) {
        StringBuilder out = new StringBuilder("{");
        for (String value : values) {
            if (out.length() > 1) {
                out.append(',');
            }
            out.append('"').append(value.replace("\\", "\\\\").replace("\"", "\\\"")).append('"');
        }
        return out.append('}').toString();
    }
}
