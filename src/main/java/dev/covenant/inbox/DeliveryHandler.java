package dev.covenant.inbox;

import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Acts on one kind of webhook event. Runs inside the worker's transaction for that delivery: what it writes commits
 * with the delivery's DONE, or not at all. Throw {@link RetryableException} for faults worth another attempt
 * (network, 5xx, rate limits); anything else fails the delivery for good.
 */
public interface DeliveryHandler {

    /** The X-GitHub-Event names this handler takes. */
    Set<String> events();

    void handle(String deliveryId, String event, String action, JsonNode payload);

    /** A fault that may pass: try again later, no earlier than {@code notBeforeSeconds} if GitHub said so. */
    class RetryableException extends RuntimeException {

        private final long notBeforeSeconds;

        public RetryableException(String message, long notBeforeSeconds, Throwable cause) {
            super(message, cause);
            this.notBeforeSeconds = notBeforeSeconds;
        }

        public RetryableException(String message, Throwable cause) {
            this(message, 0, cause);
        }

        public long notBeforeSeconds() {
            return notBeforeSeconds;
        }
    }
}
