package dev.covenant.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionStage;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Stores each delivery before it is answered. Idempotent by GitHub's delivery id, so a redelivery is a no-op; once
 * stored, the workers are woken. This is the service's hottest path (every webhook GitHub sends): the row goes to
 * the {@link DeliveryBatcher}, which commits it to disk together with the deliveries that arrived with it, before
 * this returns (no JTA transaction, no Hibernate query plan).
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

    private final DeliveryBatcher batcher;
    private final Clock clock;
    private final DeliveryWakeUp wakeUp;
    private final InboxPressure pressure;

    WebhookInbox(DeliveryBatcher batcher, Clock clock, DeliveryWakeUp wakeUp, InboxPressure pressure) {
        this.batcher = batcher;
        this.clock = clock;
        this.wakeUp = wakeUp;
        this.pressure = pressure;
    }

    public enum Outcome {
        ACCEPTED, DUPLICATE, IGNORED, MALFORMED
    }

    public record Received(Outcome outcome, String detail) {
    }

    /** Outside any transaction: returns once the delivery is on disk (or throws), so a 202 means it is stored. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Received receive(String deliveryId, String event, byte[] body) {
        try {
            return receiveLater(deliveryId, event, body).toCompletableFuture().join();
        } catch (java.util.concurrent.CompletionException e) {
            if (e.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw e;
        }
    }

    /**
     * {@link #receive} without waiting: the answer completes (on a writer's thread) once the delivery is on disk,
     * or fails with the reason it is not. The body is parsed on the caller's thread.
     */
    public CompletionStage<Received> receiveLater(String deliveryId, String event, byte[] body) {
        DeliveryFields fields = DeliveryFields.read(body);
        String parseError = fields.error();
        String action = fields.action();
        Delivery.State state;
        Outcome outcome;
        if (parseError != null) {
            state = Delivery.State.FAILED;
            outcome = Outcome.MALFORMED;
        } else if ("ping".equals(event)) {
            state = Delivery.State.DONE;
            outcome = Outcome.ACCEPTED;
        } else if (action != null && HANDLED.getOrDefault(event, Set.of()).contains(action)) {
            // (Set.of(...).contains(null) throws: a payload without a string action is simply not handled.)
            state = Delivery.State.PENDING;
            outcome = Outcome.ACCEPTED;
        } else {
            state = Delivery.State.IGNORED;
            outcome = Outcome.IGNORED;
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        return batcher.storeLater(new DeliveryBatcher.Row(deliveryId, event, action, fields.installationId(),
                fields.repository(), body, now, state, parseError)).thenApply(inserted -> {
                    if (!inserted) {
                        return new Received(Outcome.DUPLICATE, "delivery " + deliveryId + " was already received");
                    }
                    if (state == Delivery.State.PENDING) {
                        pressure.stored(clock.millis());
                        wakeUp.now();
                    }
                    return new Received(outcome, parseError);
                });
    }
}
