package dev.covenant.jobs;

import java.time.Clock;

import com.fasterxml.jackson.databind.JsonNode;

import dev.covenant.jdbc.Rows;

/**
 * A job while it runs, as its kind sees it: what it is, and where its progress goes. Each write is its own short
 * statement, committed at once, so that every instance sees how far the job got while its own work is still
 * uncommitted.
 */
public final class RunningJob {

    private final Job job;
    private final JobLeases leases;
    private final Clock clock;

    RunningJob(Job job, JobLeases leases, Clock clock) {
        this.job = job;
        this.leases = leases;
        this.clock = clock;
    }

    public long id() {
        return job.id();
    }

    public String kind() {
        return job.kind();
    }

    public JsonNode payload() {
        return job.payload();
    }

    /** Claims so far, this one included. */
    public int attempts() {
        return job.attempts();
    }

    /** Whether the instance that held this job before stopped while it ran. */
    public boolean resumed() {
        return job.resumed();
    }

    Job job() {
        return job;
    }

    /** What the job is doing now ({@code CLONING}, {@code READING}...). */
    public void phase(String phase) {
        phase(phase, null);
    }

    /** What the job is doing now, and how many units it will do in all, once that is known. */
    public void phase(String phase, Long total) {
        leases.inAutocommit(c -> Rows.update(c, "UPDATE job SET phase = ?, total = coalesce(?, total), updated_at = ?"
                + " WHERE id = ?", phase, total, clock.instant(), job.id()));
    }

    /** How far the job got: {@code done} units of {@code total} (null: unchanged) at {@code rate} units per second. */
    public void progress(long done, Long total, Double rate) {
        leases.inAutocommit(c -> Rows.update(c, "UPDATE job SET done = ?, total = coalesce(?, total),"
                + " rate = coalesce(?, rate), updated_at = ? WHERE id = ?", done, total, rate, clock.instant(),
                job.id()));
    }
}
