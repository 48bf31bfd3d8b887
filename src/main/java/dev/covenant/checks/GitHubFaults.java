package dev.covenant.checks;

import com.fasterxml.jackson.databind.JsonNode;

import dev.covenant.github.GitHubUnavailableException;
import dev.covenant.inbox.DeliveryHandler;
import dev.covenant.jobs.RetryLater;

/**
 * The one place where a check's handler turns GitHub being unavailable (down, rate-limited, a token it no longer
 * takes) into a delivery to try again later, no earlier than GitHub asked; the façade itself knows nothing of
 * deliveries. Every check handler extends this and implements {@link #act}.
 */
abstract class GitHubFaults implements DeliveryHandler {

    @Override
    public void handle(String deliveryId, String event, String action, JsonNode payload) {
        try {
            act(deliveryId, event, action, payload);
        } catch (GitHubUnavailableException e) {
            throw new RetryLater(e.getMessage(), e.retryAfterSeconds(), e);
        }
    }

    protected abstract void act(String deliveryId, String event, String action, JsonNode payload);
}
