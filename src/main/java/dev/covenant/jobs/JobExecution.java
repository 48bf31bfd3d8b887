package dev.covenant.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

/**
 * Runs one claimed job through its kind and records how it ended: DONE; QUEUED again after a backoff for a
 * {@link RetryLater}, up to {@code covenant.jobs.max-attempts}; FAILED with the reason its kind gives; or, when the
 * instance is stopping, left to its lease so that another instance resumes it. A job whose instance stopped under it
 * too many times fails instead of being resumed again: no job stays RUNNING for ever.
 */
@ApplicationScoped
class JobExecution {

    private static final Logger LOG = Logger.getLogger(JobExecution.class);

    /** How a run ended. */
    enum Outcome {
        DONE, RETRYING, FAILED, LEFT
    }

    private final JobOutcomes outcomes;
    private final JobLeases leases;
    private final JobsConfig config;
    private final Clock clock;
    private volatile boolean stopping;

    JobExecution(JobOutcomes outcomes, JobLeases leases, JobsConfig config, Clock clock) {
        this.outcomes = outcomes;
        this.leases = leases;
        this.config = config;
        this.clock = clock;
    }

    void stopping() {
        stopping = true;
    }

    /** Runs the job; a failure is recorded, and rethrown as a {@link JobFailedException} when {@code rethrow}. */
    Outcome run(JobKind kind, Job job, boolean rethrow) {
        RunningJob running = new RunningJob(job, leases, clock);
        if (job.resumed()) {
            if (job.attempts() > config.maxAttempts()) {
                String reason = "the service stopped " + (job.attempts() - 1) + " times while it ran this job;"
                        + " it is not tried again";
                LOG.warnf("%s job %d: %s", kind.name(), job.id(), reason);
                // The kind records it in its own terms and cleans up (a stored upload); the job keeps this reason.
                reason(kind, running, new IllegalStateException(reason));
                return outcomes.failed(job, reason) ? Outcome.FAILED : Outcome.LEFT;
            }
            LOG.infof("%s job %d resumed (attempt %d): the instance that held it stopped", kind.name(), job.id(),
                    job.attempts());
        }
        try {
            kind.run(running);
            return outcomes.done(job) ? Outcome.DONE : Outcome.LEFT;
        } catch (RuntimeException e) {
            return failed(kind, running, e, rethrow);
        } catch (Error e) {
            // Recorded rather than left RUNNING: this instance keeps its lease alive, so nobody would take the job over.
            failed(kind, running, new IllegalStateException(e.toString(), e), false);
            throw e;
        }
    }

    private Outcome failed(JobKind kind, RunningJob running, RuntimeException e, boolean rethrow) {
        Job job = running.job();
        if (stopping) {
            leases.letGo(job.id());
            LOG.infof("%s job %d stopped with the service; the next instance to claim it resumes it", kind.name(),
                    job.id());
            return Outcome.LEFT;
        }
        RetryLater retry = retryable(e);
        if (retry != null && job.attempts() < config.maxAttempts()) {
            Duration delay = new RetryDelay(config.backoffBase(), config.backoffCap()).after(job.attempts(),
                    retry.notBeforeSeconds(), ThreadLocalRandom.current());
            LOG.warnf("%s job %d (%s) attempt %d failed, retried in %d ms: %s", kind.name(), job.id(), job.key(),
                    job.attempts(), delay.toMillis(), retry.getMessage());
            return outcomes.retry(job, clock.instant().plus(delay), retry.getMessage())
                    ? Outcome.RETRYING
                    : Outcome.LEFT;
        }
        String reason = reason(kind, running, e);
        if (retry != null) {
            reason = "gave up after " + job.attempts() + " attempts: " + reason;
        }
        boolean recorded = outcomes.failed(job, reason);
        if (rethrow) {
            throw new JobFailedException(job.id(), reason, e);
        }
        return recorded ? Outcome.FAILED : Outcome.LEFT;
    }

    /** The kind's reason; if the kind itself fails to give one, a reference to the log. */
    private static String reason(JobKind kind, RunningJob running, RuntimeException e) {
        try {
            return kind.fail(running, e);
        } catch (RuntimeException f) {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            f.addSuppressed(e);
            LOG.errorf(f, "%s job %d failed, and recording why failed too (reference %s)", kind.name(), running.id(),
                    reference);
            return "the job failed unexpectedly (reference " + reference + ")";
        }
    }

    /** The transaction layer may wrap what the kind threw; the retry decision belongs to the original. */
    private static RetryLater retryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RetryLater retry) {
                return retry;
            }
        }
        return null;
    }
}
