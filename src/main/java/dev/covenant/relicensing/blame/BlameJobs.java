package dev.covenant.relicensing.blame;

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
 * The {@code blame_job} rows, each with its {@code job} (state, phase, files done of total, rate, times, error):
 * what a blame needs to run, and what only blames show (the commit, files skipped, lines, the field at fault). Each
 * change is its own short autocommitted statement, so progress is visible to every instance while the job's own
 * transaction is still open.
 */
@ApplicationScoped
public class BlameJobs {

    /** The blames' kind of job. */
    static final String KIND = "blame";

    /**
     * The commits of a repository's newest finished blames, as many as asked (parameters: repository, how many):
     * those whose surviving lines are kept ({@link SurvivingLinesLoader#replace}).
     */
    static final String NEWEST_REVISIONS = "SELECT b.commit_sha FROM blame_job b JOIN job j ON j.id = b.job_id"
            + " WHERE b.repository = ? AND j.state = 'DONE' GROUP BY b.commit_sha ORDER BY max(j.finished_at) DESC"
            + " LIMIT ?";

    private static final String SELECT = "SELECT b.id, b.repository, b.clone_url, b.revision, b.commit_sha,"
            + " b.engine, b.files_skipped, b.lines, b.error_field, " + JobStatus.COLUMNS
            + " FROM blame_job b JOIN job j ON j.id = b.job_id";

    /** A new blame and the job that runs it. */
    record Created(long id, Job job) {
    }

    /** What a blame needs to run. */
    record Request(long id, String repository, String cloneUrl, String revision) {
    }

    private final JobTable<BlameJob> table;
    private final JobTable<Request> requests;
    private final JobQueue queue;

    BlameJobs(AgroalDataSource dataSource, JobQueue queue) {
        this.table = new JobTable<>(dataSource, "blame_job", BlameJobs::job);
        this.requests = new JobTable<>(dataSource, "blame_job",
                rs -> new Request(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
        this.queue = queue;
    }

    Created create(String repository, String cloneUrl, String revision, JobQueue.Hold hold) {
        JobQueue.Created<Long> created = queue.create(KIND, null, hold, (c, jobId) -> table.update(c,
                "INSERT INTO blame_job (job_id, repository, clone_url, revision) VALUES (?, ?, ?, ?) RETURNING id",
                jobId, repository, cloneUrl, revision));
        return new Created(created.detail(), created.job());
    }

    Optional<Request> request(long jobId) {
        return requests.query("SELECT id, repository, clone_url, revision FROM blame_job WHERE job_id = ?", jobId)
                .stream().findFirst();
    }

    /** The commit the revision names, and what blames it ({@link BlameEngine#name}). */
    void resolved(long id, String commit, String engine) {
        table.update("UPDATE blame_job SET commit_sha = ?, engine = ? WHERE id = ?", commit, engine, id);
    }

    /** Of the files done, those skipped, and the surviving lines counted so far. */
    void progress(long id, long filesSkipped, long lines) {
        table.update("UPDATE blame_job SET files_skipped = ?, lines = ? WHERE id = ?", filesSkipped, lines, id);
    }

    /** The blame failed; {@code field} names the request field at fault, if one is. */
    void failed(long id, String field) {
        table.update("UPDATE blame_job SET error_field = ? WHERE id = ?", field, id);
    }

    Optional<BlameJob> find(String repository, long id) {
        return table.query(SELECT + " WHERE b.repository = ? AND b.id = ?", repository, id).stream().findFirst();
    }

    List<BlameJob> recent(String repository, int limit) {
        return table.query(SELECT + " WHERE b.repository = ? ORDER BY b.id DESC LIMIT ?", repository, limit);
    }

    /** The newest finished job whose commit starts with {@code commitPrefix} (any commit when it is null). */
    Optional<BlameJob> newestDone(String repository, String commitPrefix, int kept) {
        String done = SELECT + " WHERE b.repository = ? AND j.state = 'DONE' AND b.commit_sha IN (" + NEWEST_REVISIONS
                + ")";
        String newest = " ORDER BY j.finished_at DESC, b.id DESC LIMIT 1";
        List<BlameJob> jobs = commitPrefix == null
                ? table.query(done + newest, repository, repository, kept)
                : table.query(done + " AND starts_with(b.commit_sha, ?)" + newest, repository, repository, kept,
                        commitPrefix);
        return jobs.stream().findFirst();
    }

    private static BlameJob job(ResultSet rs) throws SQLException {
        JobStatus job = JobStatus.read(rs);
        return new BlameJob(rs.getLong("id"), rs.getString("repository"), rs.getString("clone_url"),
                rs.getString("revision"), rs.getString("commit_sha"), rs.getString("engine"), job.state(), job.phase(),
                job.done(),
                job.total(), rs.getLong("files_skipped"), rs.getLong("lines"), job.rate(), job.etaSeconds(),
                job.createdAt(), job.startedAt(), job.updatedAt(), job.finishedAt(),
                job.error() == null ? null : new BlameJob.Error(job.error(), rs.getString("error_field")));
    }
}
