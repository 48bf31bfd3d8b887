package dev.covenant.checks;

import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import dev.covenant.github.Payloads;
import dev.covenant.github.PullRequestHead;
import dev.covenant.github.PullRequestMerged;
import dev.covenant.github.PullRequestReader;

/**
 * A merged pull request that Covenant evaluated: its commits, with their lines, are announced as
 * {@link PullRequestMerged} in a transaction of their own, so the relicensing records hold them before the next
 * history import. Pull requests Covenant never evaluated (merged before it was installed, or in a repository no
 * project governs) are left to the history import.
 */
@ApplicationScoped
public class MergedPullRequests {

    private static final Logger LOG = Logger.getLogger(MergedPullRequests.class);

    private final PullRequestTracker tracker;
    private final PullRequestReader reader;
    private final Event<PullRequestMerged> merged;

    MergedPullRequests(PullRequestTracker tracker, PullRequestReader reader, Event<PullRequestMerged> merged) {
        this.tracker = tracker;
        this.reader = reader;
        this.merged = merged;
    }

    /** {@code pullRequest} is the webhook's {@code pull_request} object, with {@code merged} true. */
    void record(PullRequestHead pr, JsonNode pullRequest) {
        boolean evaluated = tracker.find(pr.repository(), pr.number()).map(t -> t.evaluatedSha() != null).orElse(false);
        if (!evaluated) {
            LOG.debugf("%s - merged, but never evaluated here; the history import will bring its commits", pr.label());
            return;
        }
        Instant mergedAt = Payloads.instant(pullRequest, "merged_at", "merged " + pr.label());
        // GitHub first, then the records in a transaction of their own.
        PullRequestMerged commits = new PullRequestMerged(pr.repository(), pr.number(), mergedAt,
                reader.mergedCommits(pr, pullRequest));
        QuarkusTransaction.requiringNew().run(() -> merged.fire(commits));
    }
}
