package dev.covenant.relicensing.history;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import dev.covenant.jobs.Job;
import dev.covenant.jobs.JobQueue;
import dev.covenant.jobs.JobStatus;
import dev.covenant.jobs.JobTable;

/**
 * The {@code history_import} rows, each with its {@code job} (state, phase, commits done of total, rate, times,
 * error): what an import needs to run, and what only imports show (bytes, commits added, the malformed line). Each
 * change is its own short autocommitted statement, so progress is visible to every instance while the import's own
 * transaction is still open.
 */
@ApplicationScoped
public class HistoryImports {

    /** The imports' kind of job. */
    static final String KIND = "import";

    private static final String SELECT = "SELECT h.id, h.repository, h.source, h.clone_url, h.bytes_read,"
            + " h.bytes_total, h.commits_added, h.error_line, h.error_text, h.head_sha, h.history_sha256,"
            + " h.numstat_by, h.cloned_by, " + JobStatus.COLUMNS
            + " FROM history_import h JOIN job j ON j.id = h.job_id";

    /** A new import and the job that runs it. */
    public record Created(long id, Job job) {
    }

    /**
     * What an import read, for evidence: its head commit, the SHA-256 of the history (an upload's bytes, a clone's
     * canonical listing), the {@code .mailmap} at the head (a clone's; null for an upload) and which tool counted the
     * lines of a clone ({@code GIT} or {@code JGIT}).
     */
    public record Described(long id, String repository, String source, String state, String headSha,
            String historySha256, String mailmap, String numstatBy) {
    }

    /** What an import read, for evidence: its head commit, the SHA-256 of the history, its .mailmap. */
    public Optional<Described> describe(long importId) {
        return described.query(DESCRIBE + " WHERE h.id = ?", importId).stream().findFirst();
    }

    /** The repository's newest import that finished. */
    public Optional<Described> latestDone(String repository) {
        return described.query(DESCRIBE + " WHERE h.repository = ? AND j.state = 'DONE' ORDER BY h.id DESC LIMIT 1",
                repository).stream().findFirst();
    }

    private static final String DESCRIBE = "SELECT h.id, h.repository, h.source, j.state, h.head_sha,"
            + " h.history_sha256, h.mailmap, h.numstat_by FROM history_import h JOIN job j ON j.id = h.job_id";

    /**
     * What an import needs to run: where its history comes from (an upload kept in the database, or a clone URL), and
     * whether it was recorded as read already (its instance stopped between that and the job's end).
     */
    record Source(long id, String repository, String source, String cloneUrl, Long uploadId, boolean read) {
    }

    private final JobTable<ImportJob> table;
    private final JobTable<Source> sources;
    private final JobTable<Described> described;
    private final JobQueue queue;

    HistoryImports(AgroalDataSource dataSource, JobQueue queue) {
        this.table = new JobTable<>(dataSource, "history_import", HistoryImports::job);
        this.sources = new JobTable<>(dataSource, "history_import", rs -> new Source(rs.getLong(1), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getObject(5, Long.class), rs.getBoolean(6)));
        this.described = new JobTable<>(dataSource, "history_import", rs -> new Described(rs.getLong(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                rs.getString(8)));
        this.queue = queue;
    }

    /** An upload's import (its {@code uploadId} in {@link HistoryUploads}), or a clone's ({@code cloneUrl}). */
    Created create(String repository, String source, String cloneUrl, Long bytesTotal, Long commitsTotal,
            Long uploadId, JobQueue.Hold hold) {
        JobQueue.Created<Long> created = queue.create(KIND, commitsTotal, hold, (c, jobId) -> table.update(c,
                "INSERT INTO history_import (job_id, repository, source, clone_url, bytes_total, upload_id)"
                        + " VALUES (?, ?, ?, ?, ?, ?) RETURNING id",
                jobId, repository, source, cloneUrl, bytesTotal, uploadId));
        return new Created(created.detail(), created.job());
    }

    Optional<Source> source(long jobId) {
        return sources.query("SELECT id, repository, source, clone_url, upload_id, commits_added IS NOT NULL"
                + " FROM history_import WHERE job_id = ?", jobId).stream().findFirst();
    }

    void bytesRead(long id, long bytes) {
        table.update("UPDATE history_import SET bytes_read = ? WHERE id = ?", bytes, id);
    }

    /** Deletes the upload of import {@code ?} (the statement's first parameter), if it has one. */
    private static final String WITHOUT_UPLOAD = "WITH upload AS (DELETE FROM history_upload WHERE id = (SELECT"
            + " upload_id FROM history_import WHERE id = ?)) ";

    /**
     * The import read the whole history: what it read (its head commit, the .mailmap there, the SHA-256 of the
     * history, which tool counted the lines and which cloned: a clone's, null for an upload) is recorded in the same
     * statement that marks it read and deletes its upload, if any, so that an instance dying after it leaves nothing
     * half-recorded for the instance that resumes the job.
     */
    void finished(long id, long commitsAdded, String headSha, String mailmap, String historySha256, String numstatBy,
            String clonedBy) {
        table.update(WITHOUT_UPLOAD + "UPDATE history_import SET commits_added = ?, upload_id = NULL,"
                + " bytes_read = coalesce(bytes_total, bytes_read), head_sha = ?, mailmap = ?, history_sha256 = ?,"
                + " numstat_by = ?, cloned_by = ? WHERE id = ?", id, commitsAdded, headSha, mailmap, historySha256,
                numstatBy, clonedBy, id);
    }

    /** The import failed; {@code line} and {@code text} name the malformed line of an upload, when one was. */
    void failed(long id, Long line, String text) {
        table.update(WITHOUT_UPLOAD + "UPDATE history_import SET error_line = ?, error_text = ?, upload_id = NULL"
                + " WHERE id = ?", id, line, text, id);
    }

    Optional<ImportJob> find(String repository, long id) {
        return table.query(SELECT + " WHERE h.repository = ? AND h.id = ?", repository, id).stream().findFirst();
    }

    public List<ImportJob> recent(String repository, int limit) {
        return table.query(SELECT + " WHERE h.repository = ? ORDER BY h.id DESC LIMIT ?", repository, limit);
    }

    private static ImportJob job(ResultSet rs) throws SQLException {
        JobStatus job = JobStatus.read(rs);
        return new ImportJob(rs.getLong("id"), rs.getString("repository"), rs.getString("source"),
                rs.getString("clone_url"), job.state(), job.phase(), job.done(), job.total(), rs.getLong("bytes_read"),
                rs.getObject("bytes_total", Long.class), rs.getObject("commits_added", Long.class), job.rate(),
                job.etaSeconds(), job.createdAt(), job.startedAt(), job.updatedAt(), job.finishedAt(),
                rs.getString("head_sha"), rs.getString("history_sha256"), rs.getString("numstat_by"),
                rs.getString("cloned_by"),
                job.error() == null
                        ? null
                        : new ImportJob.Error(job.error(), rs.getObject("error_line", Long.class),
                                rs.getString("error_text")));
    }
}
