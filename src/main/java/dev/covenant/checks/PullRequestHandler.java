package dev.covenant.checks;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.covenant.github.Payloads;
import dev.covenant.github.PullRequestHead;
import dev.covenant.inbox.DeliveryQueue;

/**
 * {@code pull_request} opened, reopened and synchronize: remember the new head and evaluate it; closed: stop
 * following the pull request, and hand a merged one's commits to the relicensing records. Deliveries that pile up for one pull request cost one evaluation of its newest head.
 */
@ApplicationScoped
public class PullRequestHandler extends GitHubFaults {

    private final PullRequestTracker tracker;
    private final PullRequestCheck check;
    private final DeliveryQueue queue;
    private final MergedPullRequests merges;

    PullRequestHandler(PullRequestTracker tracker, PullRequestCheck check, DeliveryQueue queue,
            MergedPullRequests merges) {
        this.tracker = tracker;
        this.check = check;
        this.queue = queue;
        this.merges = merges;
    }

    @Override
    public Set<String> events() {
        return Set.of("pull_request");
    }

    @Override
    protected void act(String deliveryId, String event, String action, JsonNode payload) {
        PullRequestHead pr = PullRequestHead.of(Payloads.installationId(payload), Payloads.repository(payload),
                payload.path("pull_request"));
        tracker.record(pr);
        if ("closed".equals(action) && payload.path("pull_request").path("merged").asBoolean(false)) {
            merges.record(pr, payload.path("pull_request"));
        }
        if ("closed".equals(action) || !pr.open()) {
            return;
        }
        // Anything that started after this delivery arrived has seen its head, or a newer one.
        DeliveryQueue.Arrival arrival = queue.arrival(deliveryId);
        check.evaluate(pr.repository(), pr.number(), arrival.receivedAt(), arrival.retried());
    }

    /** Never leaves the check run in progress: it fails, saying why and how to run it again. */
    @Override
    public void gaveUp(String deliveryId, String event, String action, JsonNode payload, String state, String error) {
        if ("closed".equals(action)) {
            return;
        }
        PullRequestHead pr;
        try {
            pr = PullRequestHead.of(Payloads.installationId(payload), Payloads.repository(payload),
                    payload.path("pull_request"));
        } catch (RuntimeException e) {
            return; // A payload that names no pull request started no check run.
        }
        check.gaveUp(pr.repository(), pr.number(), queue.attempts(deliveryId), state, error);
    }
}
