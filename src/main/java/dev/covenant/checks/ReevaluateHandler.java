package dev.covenant.checks;

import java.time.Clock;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.covenant.github.Repositories;

/**
 * Covenant's own deliveries ({@value #EVENT}): someone's coverage changed, or the sweep found a head without a
 * result, so a tracked pull request is evaluated again. They share the webhook inbox's durability, retries and
 * metrics.
 */
@ApplicationScoped
public class ReevaluateHandler extends GitHubFaults {

    public static final String EVENT = "covenant_reevaluate";

    private final PullRequestCheck check;
    private final Clock clock;

    ReevaluateHandler(PullRequestCheck check, Clock clock) {
        this.check = check;
        this.clock = clock;
    }

    @Override
    public Set<String> events() {
        return Set.of(EVENT);
    }

    @Override
    protected void act(String deliveryId, String event, String action, JsonNode payload) {
        String repository = Repositories.requireFullName(payload.path("repository").asText(null));
        int number = payload.path("number").asInt();
        // Only an evaluation that starts from now on is sure to see the change that queued this one.
        check.evaluate(repository, number, clock.instant());
    }
}
