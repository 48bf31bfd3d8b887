package dev.covenant.jobs;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.covenant.jdbc.Rows;

/**
 * How a run ends in the {@code job} table: DONE, FAILED with its reason, or QUEUED again for a retry. Each is
 * written only while this instance still holds the job: if its lease ran out and another instance took the job over,
 * that instance's run decides.
 */
@ApplicationScoped
class JobOutcomes {

    private static final Logger LOG = Logger.getLogger(JobOutcomes.class);
    private static final String UNIQUE_VIOLATION = "23505";

    private final JobLeases leases;
    private final Clock clock;

    JobOutcomes(JobLeases leases, Clock clock) {
        this.leases = leases;
        this.clock = clock;
    }

    boolean done(Job job) {
        Instant now = clock.instant();
        return ended(job, leases.inAutocommit(c -> Rows.update(c, "UPDATE job SET state = 'DONE', phase = NULL,"
                + " lease_until = NULL, error = NULL, finished_at = ?, updated_at = ? WHERE id = ? AND lease_owner = ?"
                + " AND state = 'RUNNING'", now, now, job.id(), leases.owner())));
    }

    boolean failed(Job job, String reason) {
        Instant now = clock.instant();
        return ended(job, leases.inAutocommit(c -> Rows.update(c, "UPDATE job SET state = 'FAILED', phase = NULL,"
                + " lease_until = NULL, error = ?, finished_at = ?, updated_at = ? WHERE id = ? AND lease_owner = ?"
                + " AND state = 'RUNNING'", shorten(reason), now, now, job.id(), leases.owner())));
    }

    /**
     * Queues the job again, due at {@code runAfter}. When another job of the same key was queued meanwhile, that one
     * does the work and this one ends as DONE: one queued job per key.
     */
    boolean retry(Job job, Instant runAfter, String reason) {
        Instant now = clock.instant();
        try {
            return ended(job, leases.inAutocommit(c -> Rows.update(c, "UPDATE job SET state = 'QUEUED', phase = NULL,"
                    + " lease_owner = NULL, lease_until = NULL, run_after = ?, error = ?, updated_at = ? WHERE id = ?"
                    + " AND lease_owner = ? AND state = 'RUNNING'", runAfter, shorten(reason), now, job.id(),
                    leases.owner())));
        } catch (IllegalStateException e) {
            if (e.getCause() instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
                LOG.infof("%s job %d (%s): another one is queued already; it takes over", job.kind(), job.id(),
                        job.key());
                return done(job);
            }
            throw e;
        }
    }

    private boolean ended(Job job, int updated) {
        leases.letGo(job.id());
        if (updated != 1) {
            LOG.warnf("%s job %d: its lease ran out and another instance took it over; that one's run decides",
                    job.kind(), job.id());
        }
        return updated == 1;
    }

    private static String shorten(String reason) {
        String text = reason == null || reason.isBlank() ? "failed without a reason" : reason;
        return text.length() > 2000 ? text.substring(0, 2000) : text;
    }
}
