package dev.covenant.checks;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.covenant.github.CheckPublisher;

/**
 * Closes check runs left in progress on heads a pull request has moved past, as {@code neutral}: a required check
 * on an old head would otherwise wait forever. An evaluation closes its own run this way when the head moved while
 * it ran; the next evaluation of the pull request closes those of an evaluation whose instance died before it could.
 * Only the holder of the pull request's evaluation lease calls this, so no live evaluation owns such a run.
 */
@ApplicationScoped
class SupersededRuns {

    private static final Logger LOG = Logger.getLogger(SupersededRuns.class);

    private final PullRequestTracker tracker;
    private final CheckPublisher publisher;
    private final ChecksConfig config;
    private final Clock clock;

    SupersededRuns(PullRequestTracker tracker, CheckPublisher publisher, ChecksConfig config, Clock clock) {
        this.tracker = tracker;
        this.publisher = publisher;
        this.config = config;
        this.clock = clock;
    }

    /** Closes the run {@code checkRunId} on {@code headSha}, which is no longer the pull request's head. */
    void close(PullRequestTracker.Tracked pr, String headSha, long checkRunId, String detailsUrl) {
        String label = pr.repository() + "#" + pr.number();
        Instant now = Instant.now(clock);
        boolean found = publisher.update(pr.installationId(), pr.repository(), checkRunId,
                new CheckPublisher.CheckRun(config.name(), headSha, CheckRunIds.pullRequest(pr.number()), detailsUrl,
                        "neutral", "Superseded by a newer head", CheckTexts.superseded(headSha, label).render(), ""),
                now);
        tracker.checkRunCompleted(pr.repository(), headSha, now);
        if (!found) {
            LOG.infof("%s - check run %d on %s is gone from GitHub; nothing to close", label, checkRunId, headSha);
        }
    }

    /** Closes every run of the pull request still recorded in progress on another head than its current one. */
    void closeAbandoned(PullRequestTracker.Tracked pr) {
        for (PullRequestTracker.OpenRun run : tracker.openRunsBesides(pr.repository(), pr.number(), pr.headSha())) {
            LOG.infof("%s#%d - check run %d on %s was left in progress by an evaluation that did not finish;"
                    + " it is closed as superseded by %s", pr.repository(), pr.number(), run.checkRunId(),
                    run.headSha(), pr.headSha());
            try {
                close(pr, run.headSha(), run.checkRunId(), null);
            } catch (RuntimeException e) {
                // Still recorded in progress: the pull request's next evaluation tries again. This one goes on.
                LOG.warnf("%s#%d - closing check run %d on %s failed: %s", pr.repository(), pr.number(),
                        run.checkRunId(), run.headSha(), e.getMessage());
            }
        }
    }
}
