package dev.covenant.jobs;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import dev.covenant.jdbc.Rows;

/**
 * Deletes finished jobs of the kinds whose rows nothing else points at (re-evaluations, sweeps) once they are older
 * than {@code covenant.jobs.retention}, so that the table, and the counts behind the metric, stay small. Every
 * instance may do it; deleting twice deletes nothing more.
 */
@ApplicationScoped
public class JobRetention {

    private static final Logger LOG = Logger.getLogger(JobRetention.class);

    private final JobRunner runner;
    private final JobLeases leases;
    private final JobsConfig config;
    private final Clock clock;

    JobRetention(JobRunner runner, JobLeases leases, JobsConfig config, Clock clock) {
        this.runner = runner;
        this.leases = leases;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "10m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        long deleted = deleteFinishedBefore(clock.instant().minus(config.retention()));
        if (deleted > 0) {
            LOG.infof("Deleted %d finished jobs older than %s", deleted, config.retention());
        }
    }

    /** Deletes the finished jobs, of kinds that keep none, that finished before {@code cutoff}; how many. */
    public long deleteFinishedBefore(Instant cutoff) {
        String[] disposable = runner.kinds().stream().filter(k -> !runner.kind(k).keepFinished())
                .toArray(String[]::new);
        return leases.inAutocommit(c -> Rows.update(c, "DELETE FROM job WHERE state IN ('DONE', 'FAILED')"
                + " AND finished_at < ? AND kind = ANY(?)", cutoff, disposable));
    }
}
