package dev.covenant.relicensing.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import dev.covenant.jdbc.Rows;

/**
 * Which imported history a verdict judged, so that the same question asked again can be shown to give the same
 * answer: the newest finished import of the repository ({@code id}, when it finished), the commit it was made at
 * ({@code headCommit}), and a SHA-256 of the imported history ({@code historySha256}).
 *
 * <p>Until the import keeps its head commit and the hash of what it read ({@code history_import.head_sha} and
 * {@code history_sha256}), both are derived here from the contributions: the head as the newest contribution by
 * author date, and the hash over the imported commits' shas, sorted, one a line ({@link #READ}).
 */
public record JudgedImport(long id, Instant finishedAt, String headCommit, String historySha256) {

    // TODO(history V16): read i.head_sha and i.history_sha256 from history_import instead of the two sub-queries.
    private static final String READ = "SELECT i.id, j.finished_at,"
            + " (SELECT sha FROM contribution WHERE repository = i.repository ORDER BY authored_at DESC, sha LIMIT 1),"
            + " (SELECT encode(sha256(convert_to(string_agg(sha, E'\\n' ORDER BY sha), 'UTF8')), 'hex')"
            + " FROM contribution WHERE repository = i.repository)"
            + " FROM history_import i JOIN job j ON j.id = i.job_id WHERE i.repository = ? AND j.state = 'DONE'"
            + " ORDER BY i.id DESC LIMIT 1";

    /** The newest finished import of {@code repository} ('owner/repo', lower-cased); empty when none finished. */
    public static Optional<JudgedImport> of(Connection c, String repository) throws SQLException {
        return Rows.first(c, READ, rs -> new JudgedImport(rs.getLong(1), Rows.instant(rs, "finished_at"),
                rs.getString(3), rs.getString(4)), repository);
    }
}
