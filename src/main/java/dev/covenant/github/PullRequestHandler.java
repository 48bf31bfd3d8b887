package dev.covenant.github;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code pull_request} opened, reopened and synchronize: remember the new head and evaluate it; closed: stop
 * following the pull request. Deliveries that pile up for one pull request cost one evaluation of its newest head.
 */
@ApplicationScoped
public class PullRequestHandler implements DeliveryHandler {

    private final PullRequestTracker tracker;
    private final PullRequestCheck check;
    private final DeliveryQueue queue;

    PullRequestHandler(PullRequestTracker tracker, PullRequestCheck check, DeliveryQueue queue) {
        this.tracker = tracker;
        this.check = check;
        this.queue = queue;
    }

    @Override
    public Set<String> events() {
        return Set.of("pull_request");
    }

    @Override
    public void handle(String deliveryId, String event, String action, JsonNode payload) {
        PullRequestHead pr = PullRequestHead.of(Payloads.installationId(payload), Payloads.repository(payload),
                payload.path("pull_request"));
        tracker.record(pr);
        if ("closed".equals(action) || !pr.open()) {
            return;
        }
        // Anything that started after this delivery arrived has seen its head, or a newer one.
        check.evaluate(pr.repository(), pr.number(), queue.receivedAt(deliveryId));
    }
}
