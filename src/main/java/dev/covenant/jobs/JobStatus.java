package dev.covenant.jobs;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;

import dev.covenant.jdbc.Rows;

/**
 * Where a job stands, as its kind's API shows it: state, phase, progress ({@code done} of {@code total} at
 * {@code rate} units per second), times, and why it failed. A kind's reads select {@link #COLUMNS} from its own
 * table joined to {@code job j} and read them with {@link #read}.
 */
public record JobStatus(long id, String state, String phase, long done, Long total, Double rate, Instant createdAt,
        Instant startedAt, Instant updatedAt, Instant finishedAt, String error) {

    public enum State {
        QUEUED, RUNNING, DONE, FAILED
    }

    /** The job's columns, from the alias {@code j}, named so that they do not collide with the kind's own. */
    public static final String COLUMNS = "j.id AS job_id, j.state AS job_state, j.phase AS job_phase,"
            + " j.done AS job_done, j.total AS job_total, j.rate AS job_rate, j.created_at AS job_created_at,"
            + " j.started_at AS job_started_at, j.updated_at AS job_updated_at, j.finished_at AS job_finished_at,"
            + " j.error AS job_error";

    public static JobStatus read(ResultSet rs) throws SQLException {
        String state = rs.getString("job_state");
        return new JobStatus(rs.getLong("job_id"), state, rs.getString("job_phase"), rs.getLong("job_done"),
                rs.getObject("job_total", Long.class), rs.getObject("job_rate", Double.class),
                Rows.instant(rs, "job_created_at"), Rows.instant(rs, "job_started_at"),
                Rows.instant(rs, "job_updated_at"), Rows.instant(rs, "job_finished_at"),
                State.FAILED.name().equals(state) ? rs.getString("job_error") : null);
    }

    /** The remaining time at the current rate, while the job runs and both a total and a rate are known. */
    public Long etaSeconds() {
        if (!State.RUNNING.name().equals(state) || total == null || rate == null || rate <= 0) {
            return null;
        }
        return (long) Math.ceil(Math.max(0, total - done) / rate);
    }
}
