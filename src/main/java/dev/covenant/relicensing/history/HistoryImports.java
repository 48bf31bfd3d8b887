package dev.covenant.relicensing.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import dev.covenant.jobs.JobTable;

/**
 * The {@code history_import} rows: each change is its own short autocommitted statement, so progress is visible to
 * every instance while the import's own transaction is still open.
 */
@ApplicationScoped
public class HistoryImports {

    private static final String COLUMNS = "id, repository, source, clone_url, state, phase, commits_done, commits_total,"
            + " bytes_read, bytes_total, commits_added, rate, created_at, started_at, updated_at, finished_at, error,"
            + " error_line, error_text";

    private final JobTable<ImportJob> table;
    private final Clock clock;

    HistoryImports(AgroalDataSource dataSource, Clock clock) {
        this.table = new JobTable<>(dataSource, "history_import", HistoryImports::job);
        this.clock = clock;
    }

    long create(String repository, String source, String cloneUrl, Long bytesTotal, Long commitsTotal) {
        Timestamp now = Timestamp.from(clock.instant());
        return table.update(
                "INSERT INTO history_import (repository, source, clone_url, state, commits_total, bytes_total,"
                        + " created_at, updated_at) VALUES (?, ?, ?, 'QUEUED', ?, ?, ?, ?) RETURNING id",
                repository, source, cloneUrl, commitsTotal, bytesTotal, now, now);
    }

    void phase(long id, String phase, Long commitsTotal) {
        Timestamp now = Timestamp.from(clock.instant());
        table.update("UPDATE history_import SET state = 'RUNNING', phase = ?, started_at = coalesce(started_at, ?),"
                + " commits_total = coalesce(?, commits_total), updated_at = ? WHERE id = ?",
                phase, now, commitsTotal, now, id);
    }

    /** {@code rate} in commits per second since the import started. */
    void progress(long id, long commitsDone, long bytesRead, double rate) {
        table.update(
                "UPDATE history_import SET commits_done = ?, bytes_read = ?, rate = ?, updated_at = ? WHERE id = ?",
                commitsDone, bytesRead, rate, Timestamp.from(clock.instant()), id);
    }

    void done(long id, long commitsRead, long commitsAdded) {
        Timestamp now = Timestamp.from(clock.instant());
        table.update("UPDATE history_import SET state = 'DONE', phase = NULL, commits_done = ?, commits_total = ?,"
                + " bytes_read = coalesce(bytes_total, bytes_read), commits_added = ?, updated_at = ?, finished_at = ?"
                + " WHERE id = ?", commitsRead, commitsRead, commitsAdded, now, now, id);
    }

    void failed(long id, String error, Long line, String text) {
        Timestamp now = Timestamp.from(clock.instant());
        table.update(
                "UPDATE history_import SET state = 'FAILED', phase = NULL, error = ?, error_line = ?, error_text = ?,"
                        + " updated_at = ?, finished_at = ? WHERE id = ?",
                error, line, text, now, now, id);
    }

    /** Marks the imports this instance holds (queued or running) as alive. */
    void heartbeat(Collection<Long> ids) {
        table.heartbeat(ids, clock.instant());
    }

    /**
     * Fails the imports that no instance has marked alive for {@code silence}: the instance holding them stopped,
     * and with it the spooled upload or the clone. Nothing of theirs reached the contributions.
     */
    long failAbandoned(java.time.Duration silence) {
        Timestamp now = Timestamp.from(clock.instant());
        return table.update(
                "UPDATE history_import SET state = 'FAILED', phase = NULL, error = 'interrupted: the service"
                        + " stopped during this import; import again (commits already imported are skipped)', updated_at = ?,"
                        + " finished_at = ? WHERE state IN ('QUEUED', 'RUNNING') AND updated_at < ?",
                now, now, Timestamp.from(clock.instant().minus(silence)));
    }

    Optional<ImportJob> find(String repository, long id) {
        List<ImportJob> jobs = table.query("SELECT " + COLUMNS + " FROM history_import WHERE repository = ? AND id = ?",
                repository, id);
        return jobs.stream().findFirst();
    }

    public List<ImportJob> recent(String repository, int limit) {
        return table.query("SELECT " + COLUMNS + " FROM history_import WHERE repository = ? ORDER BY id DESC LIMIT ?",
                repository, limit);
    }

    private static ImportJob job(ResultSet rs) throws SQLException {
        String state = rs.getString("state");
        long done = rs.getLong("commits_done");
        Long total = rs.getObject("commits_total", Long.class);
        Double rate = rs.getObject("rate", Double.class);
        String error = rs.getString("error");
        return new ImportJob(rs.getLong("id"), rs.getString("repository"), rs.getString("source"),
                rs.getString("clone_url"), state, rs.getString("phase"), done, total, rs.getLong("bytes_read"),
                rs.getObject("bytes_total", Long.class), rs.getObject("commits_added", Long.class), rate,
                ImportJob.eta(state, done, total, rate), instant(rs, "created_at"), instant(rs, "started_at"),
                instant(rs, "updated_at"), instant(rs, "finished_at"), error == null
                        ? null
                        : new ImportJob.Error(error, rs.getObject("error_line", Long.class),
                                rs.getString("error_text")));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
