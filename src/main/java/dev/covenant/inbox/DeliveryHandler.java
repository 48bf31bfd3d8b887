package dev.covenant.inbox;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import dev.covenant.jobs.RetryLater;

/**
 * Acts on one kind of webhook event. Runs with no database transaction open, so that calls to GitHub never hold one:
 * each of its writes is a short transaction of its own, and must be safe to repeat, since a crash after them and
 * before the delivery is marked DONE runs the handler again. Throw {@link RetryLater} for faults worth another attempt
 * (network, 5xx, rate limits); anything else fails the delivery for good.
 */
public interface DeliveryHandler {

    /** The X-GitHub-Event names this handler takes. */
    Set<String> events();

    void handle(String deliveryId, String event, String action, JsonNode payload);

    /**
     * The delivery will not be tried again ({@code state} DEAD after its last attempt, or FAILED), {@code error} being
     * the last attempt's: close what the handler left in progress where people look, saying what went wrong and how
     * to try again. Nothing by default.
     */
    default void gaveUp(String deliveryId, String event, String action, JsonNode payload, String state,
            String error) {
    }
}
