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
 * <p>Both are what the import itself recorded ({@code history_import.head_sha}, {@code history_sha256}): for an upload,
 * the first commit of the log and the SHA-256 of the uploaded bytes; for a clone, the cloned head and the SHA-256 of
 * the lines {@code <sha> <parent>…} of every commit, sorted. Imports made before they were recorded answer null.
 */
public record JudgedImport(long id, Instant finishedAt, String headCommit, String historySha256) {

    private static final String READ = "SELECT i.id, j.finished_at, i.head_sha, i.history_sha256"
            + " FROM history_import i JOIN job j ON j.id = i.job_id WHERE i.repository = ? AND j.state = 'DONE'"
            + " ORDER BY i.id DESC LIMIT 1";

    /** The newest finished import of {@code repository} ('owner/repo', lower-cased); empty when none finished. */
    public static Optional<JudgedImport> of(Connection c, String repository) throws SQLException {
        return Rows.first(c, READ, rs -> new JudgedImport(rs.getLong(1), Rows.instant(rs, "finished_at"),
                rs.getString(3), rs.getString(4)), repository);
    }
}
