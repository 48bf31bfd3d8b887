package dev.covenant.inbox;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.narayana.jta.runtime.TransactionConfiguration;

import dev.covenant.api.ConflictException;
import dev.covenant.jdbc.SqlTimes;
import dev.covenant.jobs.RetryLater;

/**
 * The inbox as a queue shared by every instance: a claim takes one due delivery with FOR UPDATE SKIP LOCKED and
 * leases it; finishing writes the handler's work and DONE in one transaction; a failure schedules the next attempt
 * or gives up. A lease that runs out (the worker died) makes the delivery claimable again.
 */
@ApplicationScoped
public class DeliveryQueue {

    /** The channel NOTIFY uses to wake the workers. */
    static final String CHANNEL = "covenant_deliveries";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final EntityManager em;
    private final Clock clock;
    private final WorkerConfig config;
    private final DeliveryWakeUp wakeUp;

    DeliveryQueue(EntityManager em, Clock clock, WorkerConfig config, DeliveryWakeUp wakeUp) {
        this.em = em;
        this.clock = clock;
        this.config = config;
        this.wakeUp = wakeUp;
    }

    /** A delivery this worker holds until its lease ends. */
    public record Claimed(String deliveryId, String event, String action, byte[] payload, int attempts) {
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<Claimed> claim(Set<String> events) {
        if (events.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        // Planned for the inbox as it is now: a plan cached while the inbox was nearly empty (a fresh instance, before
        // autovacuum analyses the table) scans and sorts every pending row on each claim once it fills.
        em.createNativeQuery("SET LOCAL plan_cache_mode = force_custom_plan").executeUpdate();
        // A delivery whose worker died comes first (rare, and found through the lease index), then the next due one
        // (through the due index, in order): each half uses its own partial index, so a claim never reads the inbox.
        Optional<Claimed> claimed = claimWhere("state = 'PROCESSING' AND lease_until < ?2", "lease_until", events, now);
        return claimed.isPresent()
                ? claimed
                : claimWhere("state = 'PENDING' AND next_attempt_at <= ?2", "next_attempt_at", events, now);
    }

    /**
     * Two statements in the claim's transaction: the first finds and locks the next row (FOR UPDATE checks the
     * condition again on the row as it is now, and skips rows other workers hold), the second changes that row by
     * its primary key. As one statement, the planner could look the locked row up again through the due index (it
     * did, with the statistics of an inbox that had just filled), reading every pending row on every claim.
     */
    @SuppressWarnings("unchecked")
    private Optional<Claimed> claimWhere(String condition, String order, Set<String> events, Instant now) {
        List<Object> next = em.createNativeQuery("SELECT delivery_id FROM delivery WHERE event IN (?1) AND " + condition
                + " ORDER BY " + order + " LIMIT 1 FOR UPDATE SKIP LOCKED")
                .setParameter(1, List.copyOf(events))
                .setParameter(2, Timestamp.from(now))
                .getResultList();
        if (next.isEmpty()) {
            return Optional.empty();
        }
        List<Object[]> rows = em.createNativeQuery("UPDATE delivery SET state = 'PROCESSING', attempts = attempts + 1,"
                + " lease_until = ?1 WHERE delivery_id = ?2 RETURNING delivery_id, event, action, payload, attempts")
                .setParameter(1, Timestamp.from(now.plus(config.lease())))
                .setParameter(2, next.get(0))
                .getResultList();
        Object[] row = rows.get(0);
        return Optional.of(new Claimed((String) row[0], (String) row[1], (String) row[2], (byte[]) row[3],
                ((Number) row[4]).intValue()));
    }

    /**
     * Runs the handler and marks the delivery DONE in the same transaction; a throw rolls both back. A pull request
     * of thousands of commits takes many calls to GitHub, so the transaction may last five minutes (the default
     * lease; a shorter lease lets another worker start the same delivery while this one still works on it).
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    @TransactionConfiguration(timeout = 300)
    public void complete(Claimed claimed, DeliveryHandler handler) {
        JsonNode payload;
        try {
            payload = JSON.readTree(claimed.payload());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("Stored payload of " + claimed.deliveryId() + " is not JSON", e);
        }
        handler.handle(claimed.deliveryId(), claimed.event(), claimed.action(), payload);
        int updated = em.createNativeQuery("UPDATE delivery SET state = 'DONE', lease_until = NULL, last_error = NULL "
                + "WHERE delivery_id = ?1 AND state = 'PROCESSING' AND attempts = ?2")
                .setParameter(1, claimed.deliveryId()).setParameter(2, claimed.attempts()).executeUpdate();
        if (updated != 1) {
            // Another worker re-claimed it after our lease ran out; its attempt decides.
            throw new LeaseLostException(claimed.deliveryId());
        }
    }

    /** Schedules another attempt, or marks the delivery DEAD (retryable faults) or FAILED (anything else). */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Delivery.State fail(Claimed claimed, Throwable error, RandomGenerator random) {
        String message = error.getClass().getSimpleName() + ": " + error.getMessage();
        message = message.length() > 2000 ? message.substring(0, 2000) : message;
        Delivery.State next;
        Instant nextAttempt = Instant.now(clock);
        if (error instanceof RetryLater retryable) {
            if (claimed.attempts() >= config.maxAttempts()) {
                next = Delivery.State.DEAD;
            } else {
                next = Delivery.State.PENDING;
                nextAttempt = nextAttempt.plus(new Backoff(config.backoffBase(), config.backoffCap())
                        .after(claimed.attempts(), retryable.notBeforeSeconds(), random));
            }
        } else {
            next = Delivery.State.FAILED;
        }
        em.createNativeQuery(
                "UPDATE delivery SET state = ?1, next_attempt_at = ?2, lease_until = NULL, last_error = ?3 "
                        + "WHERE delivery_id = ?4 AND state = 'PROCESSING' AND attempts = ?5")
                .setParameter(1, next.name()).setParameter(2, Timestamp.from(nextAttempt)).setParameter(3, message)
                .setParameter(4, claimed.deliveryId()).setParameter(5, claimed.attempts()).executeUpdate();
        return next;
    }

    /** When the delivery was stored. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Instant receivedAt(String deliveryId) {
        Object at = em.createNativeQuery("SELECT received_at FROM delivery WHERE delivery_id = ?1")
                .setParameter(1, deliveryId)
                .getResultStream().findFirst().orElse(null);
        if (at == null) {
            throw new IllegalStateException("No delivery " + deliveryId);
        }
        return SqlTimes.instant(at);
    }

    /** Wakes every instance's worker when the caller's transaction commits. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void wake(String deliveryId) {
        // Not a NOTIFY in this transaction: that would serialise its commit with every other notifying one.
        wakeUp.afterCommit();
    }

    /** Sends a DEAD delivery round again from its first attempt; empty if it does not exist, 409 if not DEAD. */
    @Transactional
    public Optional<Delivery> redrive(String deliveryId) {
        Optional<Delivery> found = Delivery.findByIdOptional(deliveryId);
        found.ifPresent(delivery -> {
            if (delivery.state != Delivery.State.DEAD) {
                throw new ConflictException("Delivery " + deliveryId + " is " + delivery.state
                        + "; only DEAD deliveries can be re-driven");
            }
            delivery.state = Delivery.State.PENDING;
            delivery.attempts = 0;
            delivery.nextAttemptAt = Instant.now(clock);
            wake(deliveryId);
        });
        return found;
    }

    @Transactional
    public long count(Delivery.State state) {
        return Delivery.count("state", state);
    }

    /** Thrown when a delivery's lease ran out and another worker took it over. */
    public static class LeaseLostException extends RuntimeException {
        LeaseLostException(String deliveryId) {
            super("The lease on delivery " + deliveryId + " ran out before it was finished");
        }
    }
}
