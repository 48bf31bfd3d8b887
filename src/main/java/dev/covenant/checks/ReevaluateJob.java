package dev.covenant.checks;

import java.time.Clock;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.covenant.github.GitHubUnavailableException;
import dev.covenant.github.Repositories;
import dev.covenant.jobs.JobKind;
import dev.covenant.jobs.RetryLater;
import dev.covenant.jobs.RunningJob;

/**
 * A tracked pull request evaluated again ({@value #KIND} jobs, queued by {@link Reevaluations}): someone's coverage
 * changed, or the sweep found a head without a result. GitHub being unavailable is retried with backoff, no earlier
 * than GitHub asked, up to {@code covenant.jobs.max-attempts}; anything else fails the job with its reason.
 */
@ApplicationScoped
public class ReevaluateJob implements JobKind {

    static final String KIND = "reevaluate";
    private static final Logger LOG = Logger.getLogger(ReevaluateJob.class);
    /** As long as a delivery's evaluation may take: a pull request of thousands of commits takes many calls. */

    private final PullRequestCheck check;
    private final Clock clock;

    ReevaluateJob(PullRequestCheck check, Clock clock) {
        this.check = check;
        this.clock = clock;
    }

    /** The job's key: one waiting re-evaluation per pull request. */
    static String key(String repository, int number) {
        return repository + "#" + number;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public int workers() {
        return 4;
    }

    @Override
    public void run(RunningJob job) {
        String repository = Repositories.requireFullName(job.payload().path("repository").asText(null));
        int number = job.payload().path("number").asInt();
        try {
            // Only an evaluation that starts from now on is sure to see the change that queued this one. It holds no
            // transaction: each of its reads and writes is a short one of its own.
            PullRequestCheck.Outcome outcome = check.evaluate(repository, number, clock.instant());
            LOG.infof("%s#%d - re-evaluation job %d (%s, attempt %d): the check's outcome is %s", repository, number,
                    job.id(),
                    job.payload().path("cause").asText(), job.attempts(), outcome);
        } catch (GitHubUnavailableException down) {
            throw new RetryLater(down.getMessage(), down.retryAfterSeconds(), down);
        }
    }

    @Override
    public String fail(RunningJob job, RuntimeException error) {
        String reason = error instanceof RetryLater
                ? error.getMessage()
                : error.getClass().getSimpleName() + ": " + error.getMessage();
        LOG.warnf("%s - re-evaluation job %d failed: %s", job.payload().path("repository").asText() + "#"
                + job.payload().path("number").asText(), job.id(), reason);
        return reason;
    }
}
