package dev.covenant.inbox;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.covenant.jobs.RetryLater;

/**
 * Acts on one kind of webhook event. Runs inside the worker's transaction for that delivery: what it writes commits
 * with the delivery's DONE, or not at all. Throw {@link RetryLater} for faults worth another
 * attempt (network, 5xx, rate limits); anything else fails the delivery for good.
 */
public interface DeliveryHandler {

    /** The X-GitHub-Event names this handler takes. */
    Set<String> events();

    void handle(String deliveryId, String event, String action, JsonNode payload);
}
