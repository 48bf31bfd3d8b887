package dev.covenant.relicensing.blame;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import dev.covenant.jdbc.Rows;
import dev.covenant.jobs.JobTable;
import dev.covenant.relicensing.history.ImportJob;

/**
 * The {@code blame_job} rows: each change is its own short autocommitted statement, so progress is visible to every
 * instance while the job's own transaction is still open.
 */
@ApplicationScoped
public class BlameJobs {

    /**
     * The commits of a repository's newest finished blames, as many as asked (parameters: repository, how many):
     * those whose surviving lines are kept ({@link SurvivingLinesLoader#replace}).
     */
    static final String NEWEST_REVISIONS = "SELECT commit_sha FROM blame_job WHERE repository = ? AND state = 'DONE'"
            + " GROUP BY commit_sha ORDER BY max(finished_at) DESC LIMIT ?";

    private static final String COLUMNS = "id, repository, clone_url, revision, commit_sha, state, phase, files_done,"
            + " files_total, files_skipped, lines, rate, created_at, started_at, updated_at, finished_at, error,"
            + " error_field";

    private final JobTable<BlameJob> table;
    private final Clock clock;

    BlameJobs(AgroalDataSource dataSource, Clock clock) {
        this.table = new JobTable<>(dataSource, "blame_job", BlameJobs::job);
        this.clock = clock;
    }

    long create(String repository, String cloneUrl, String revision) {
        Timestamp now = now();
        return table.update("INSERT INTO blame_job (repository, clone_url, revision, state, created_at, updated_at)"
                + " VALUES (?, ?, ?, 'QUEUED', ?, ?) RETURNING id", repository, cloneUrl, revision, now, now);
    }

    void phase(long id, String phase) {
        Timestamp now = now();
        table.update(
                "UPDATE blame_job SET state = 'RUNNING', phase = ?, started_at = coalesce(started_at, ?), updated_at = ?"
                        + " WHERE id = ?",
                phase, now, now, id);
    }

    void resolved(long id, String commit, long filesTotal) {
        table.update("UPDATE blame_job SET commit_sha = ?, files_total = ?, updated_at = ? WHERE id = ?", commit,
                filesTotal,
                now(), id);
    }

    /** {@code rate} in files per second since the blaming started. */
    void progress(long id, long filesDone, long filesSkipped, long lines, double rate) {
        table.update(
                "UPDATE blame_job SET files_done = ?, files_skipped = ?, lines = ?, rate = ?, updated_at = ? WHERE id = ?",
                filesDone, filesSkipped, lines, rate, now(), id);
    }

    void done(long id, long files, long skipped, long lines) {
        Timestamp now = now();
        table.update(
                "UPDATE blame_job SET state = 'DONE', phase = NULL, files_done = ?, files_total = ?, files_skipped = ?,"
                        + " lines = ?, updated_at = ?, finished_at = ? WHERE id = ?",
                files, files, skipped, lines, now, now, id);
    }

    void failed(long id, String error, String field) {
        Timestamp now = now();
        table.update("UPDATE blame_job SET state = 'FAILED', phase = NULL, error = ?, error_field = ?, updated_at = ?,"
                + " finished_at = ? WHERE id = ?", error, field, now, now, id);
    }

    /** Marks the jobs this instance holds (queued or running) as alive. */
    void heartbeat(Collection<Long> ids) {
        table.heartbeat(ids, clock.instant());
    }

    /** Fails the jobs no instance has marked alive for {@code silence}: their instance stopped, and their clone with it. */
    long failAbandoned(Duration silence) {
        Timestamp now = now();
        return table
                .update("UPDATE blame_job SET state = 'FAILED', phase = NULL, error = 'interrupted: the service stopped"
                        + " during this job; run it again', updated_at = ?, finished_at = ? WHERE state IN ('QUEUED', 'RUNNING')"
                        + " AND updated_at < ?", now, now, Timestamp.from(clock.instant().minus(silence)));
    }

    Optional<BlameJob> find(String repository, long id) {
        return table.query("SELECT " + COLUMNS + " FROM blame_job WHERE repository = ? AND id = ?", repository, id)
                .stream()
                .findFirst();
    }

    List<BlameJob> recent(String repository, int limit) {
        return table.query("SELECT " + COLUMNS + " FROM blame_job WHERE repository = ? ORDER BY id DESC LIMIT ?",
                repository,
                limit);
    }

    /** The newest finished job whose commit starts with {@code commitPrefix} (any commit when it is null). */
    Optional<BlameJob> newestDone(String repository, String commitPrefix, int kept) {
        String done = "SELECT " + COLUMNS + " FROM blame_job WHERE repository = ? AND state = 'DONE'"
                + " AND commit_sha IN (" + NEWEST_REVISIONS + ")";
        String newest = " ORDER BY finished_at DESC, id DESC LIMIT 1";
        List<BlameJob> jobs = commitPrefix == null
                ? table.query(done + newest, repository, repository, kept)
                : table.query(done + " AND starts_with(commit_sha, ?)" + newest, repository, repository, kept,
                        commitPrefix);
        return jobs.stream().findFirst();
    }

    private Timestamp now() {
        return Timestamp.from(clock.instant());
    }

    private static BlameJob job(ResultSet rs) throws SQLException {
        String state = rs.getString("state");
        long done = rs.getLong("files_done");
        Long total = rs.getObject("files_total", Long.class);
        Double rate = rs.getObject("rate", Double.class);
        String error = rs.getString("error");
        return new BlameJob(rs.getLong("id"), rs.getString("repository"), rs.getString("clone_url"),
                rs.getString("revision"), rs.getString("commit_sha"), state, rs.getString("phase"), done, total,
                rs.getLong("files_skipped"), rs.getLong("lines"), rate, ImportJob.eta(state, done, total, rate),
                Rows.instant(rs, "created_at"), Rows.instant(rs, "started_at"), Rows.instant(rs, "updated_at"),
                Rows.instant(rs, "finished_at"),
                error == null ? null : new BlameJob.Error(error, rs.getString("error_field")));
    }
}
