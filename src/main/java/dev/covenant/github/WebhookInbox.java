package dev.covenant.github;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Stores each delivery before it is answered. Idempotent by GitHub's delivery id, so a redelivery is a no-op; a
 * NOTIFY in the same transaction wakes the workers when it commits.
 */
@ApplicationScoped
public class WebhookInbox {

    /** The events and actions Covenant acts on; everything else is recorded as ignored. */
    static final Map<String, Set<String>> HANDLED = Map.of(
            "pull_request", Set.of("opened", "reopened", "synchronize", "closed"),
            "merge_group", Set.of("checks_requested"),
            "issue_comment", Set.of("created"),
            "check_run", Set.of("rerequested"),
            "installation", Set.of("created", "deleted", "suspend", "unsuspend", "new_permissions_accepted"),
            "installation_repositories", Set.of("added", "removed"));

    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;
    private final Clock clock;
    private final DeliveryQueue queue;

    WebhookInbox(EntityManager em, Clock clock, DeliveryQueue queue) {
        this.em = em;
        this.clock = clock;
        this.queue = queue;
    }

    public enum Outcome {
        ACCEPTED, DUPLICATE, IGNORED, MALFORMED
    }

    public record Received(Outcome outcome, String detail) {
    }

    @Transactional
    public Received receive(String deliveryId, String event, byte[] body) {
        JsonNode payload;
        String parseError = null;
        try {
            payload = JSON.readTree(body);
            if (payload == null || !payload.isObject()) {
                parseError = "the payload is not a JSON object";
            }
        } catch (JsonProcessingException e) {
            payload = null;
            parseError = "the payload is not valid JSON: " + e.getOriginalMessage();
        } catch (java.io.IOException e) {
            payload = null;
            parseError = "the payload could not be read: " + e.getMessage();
        }
        String action = payload == null ? null : text(payload.path("action"));
        Delivery.State state;
        Outcome outcome;
        if (parseError != null) {
            state = Delivery.State.FAILED;
            outcome = Outcome.MALFORMED;
        } else if ("ping".equals(event)) {
            state = Delivery.State.DONE;
            outcome = Outcome.ACCEPTED;
        } else if (HANDLED.getOrDefault(event, Set.of()).contains(action)) {
            state = Delivery.State.PENDING;
            outcome = Outcome.ACCEPTED;
        } else {
            state = Delivery.State.IGNORED;
            outcome = Outcome.IGNORED;
        }
        Instant now = Instant.now(clock);
        int inserted = em.createNativeQuery("INSERT INTO delivery (delivery_id, event, action, installation_id, repository, "
                + "payload, received_at, state, attempts, next_attempt_at, last_error) "
                + "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, 0, ?7, ?9) ON CONFLICT (delivery_id) DO NOTHING")
                .setParameter(1, deliveryId)
                .setParameter(2, event)
                .setParameter(3, action)
                .setParameter(4, payload == null || !payload.path("installation").path("id").canConvertToLong() ? null
                        : payload.path("installation").path("id").asLong())
                .setParameter(5, payload == null ? null : text(payload.path("repository").path("full_name")))
                .setParameter(6, body)
                .setParameter(7, now)
                .setParameter(8, state.name())
                .setParameter(9, parseError)
                .executeUpdate();
        if (inserted == 0) {
            return new Received(Outcome.DUPLICATE, "delivery " + deliveryId + " was already received");
        }
        if (state == Delivery.State.PENDING) {
            queue.wake(deliveryId);
        }
        return new Received(outcome, parseError);
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }
}
