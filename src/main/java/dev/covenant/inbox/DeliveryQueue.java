package dev.covenant.inbox;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.covenant.api.ConflictException;
import dev.covenant.jdbc.Database;
import dev.covenant.jdbc.Rows;
import dev.covenant.jobs.RetryDelay;
import dev.covenant.jobs.RetryLater;

/**
 * The inbox as a queue shared by every instance: a claim takes one due delivery with FOR UPDATE SKIP LOCKED and
 * leases it; the handler then runs with no transaction open (its writes are short ones of their own, and safe to
 * repeat); finishing marks it DONE, and a failure schedules the next attempt or gives up. A lease that runs out
 * (the worker died) makes the delivery claimable again; {@link DeliveryLeases} keeps the leases of running deliveries
 * short and alive.
 */
@ApplicationScoped
public class DeliveryQueue {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Database db;
    private final Clock clock;
    private final WorkerConfig config;
    private final DeliveryWakeUp wakeUp;

    DeliveryQueue(Database db, Clock clock, WorkerConfig config, DeliveryWakeUp wakeUp) {
        this.db = db;
        this.clock = clock;
        this.config = config;
        this.wakeUp = wakeUp;
    }

    /** A delivery this worker holds until its lease ends. */
    public record Claimed(String deliveryId, String event, String action, byte[] payload, int attempts) {
    }

    public Optional<Claimed> claim(Set<String> events) {
        if (events.isEmpty()) {
            return Optional.empty();
        }
        Instant now = Instant.now(clock);
        return db.committed("claiming a delivery", c -> {
            // Planned for the inbox as it is now: a plan cached while the inbox was nearly empty (a fresh instance,
            // before autovacuum analyses the table) scans and sorts every pending row on each claim once it fills.
            Rows.update(c, "SET LOCAL plan_cache_mode = force_custom_plan");
            // A delivery whose worker died comes first (rare, and found through the lease index), then the next due
            // one (through the due index, in order): each half uses its own partial index, so a claim never reads
            // the inbox.
            Optional<Claimed> claimed = claimWhere(c, "state = 'PROCESSING' AND lease_until < ?", "lease_until",
                    events, now);
            return claimed.isPresent()
                    ? claimed
                    : claimWhere(c, "state = 'PENDING' AND next_attempt_at <= ?", "next_attempt_at", events, now);
        });
    }

    /**
     * Two statements: the first finds and locks the next row (FOR UPDATE checks the condition again on the row as it
     * is now, and skips rows other workers hold), the second changes that row by its primary key. As one statement,
     * the planner could look the locked row up again through the due index (it did, with the statistics of an inbox
     * that had just filled), reading every pending row on every claim.
     */
    private Optional<Claimed> claimWhere(Connection c, String condition, String order, Set<String> events,
            Instant now) throws SQLException {
        List<String> next = new ArrayList<>(1);
        Rows.query(c, "SELECT delivery_id FROM delivery WHERE event = ANY(?) AND " + condition + " ORDER BY " + order
                + " LIMIT 1 FOR UPDATE SKIP LOCKED", rs -> next.add(rs.getString(1)), Rows.texts(events), now);
        if (next.isEmpty()) {
            return Optional.empty();
        }
        List<Claimed> claimed = new ArrayList<>(1);
        Rows.query(c, "UPDATE delivery SET state = 'PROCESSING', attempts = attempts + 1, lease_until = ?"
                + " WHERE delivery_id = ? RETURNING delivery_id, event, action, payload, attempts",
                rs -> claimed.add(new Claimed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getBytes(4),
                        rs.getInt(5))),
                now.plus(config.lease()), next.get(0));
        return Optional.of(claimed.get(0));
    }

    /**
     * Runs the handler with no transaction open, then marks the delivery DONE. A crash between the two runs the
     * handler again on the next claim, which its writes allow.
     */
    public void complete(Claimed claimed, DeliveryHandler handler) {
        JsonNode payload = payload(claimed);
        handler.handle(claimed.deliveryId(), claimed.event(), claimed.action(), payload);
        int updated = db.committed("finishing delivery " + claimed.deliveryId(), c -> Rows.update(c,
                "UPDATE delivery SET state = 'DONE', lease_until = NULL, last_error = NULL"
                        + " WHERE delivery_id = ? AND state = 'PROCESSING' AND attempts = ?",
                claimed.deliveryId(), claimed.attempts()));
        if (updated != 1) {
            // Another worker re-claimed it after our lease ran out; its attempt decides.
            throw new LeaseLostException(claimed.deliveryId());
        }
    }

    /** The stored body, parsed. */
    static JsonNode payload(Claimed claimed) {
        try {
            return JSON.readTree(claimed.payload());
        } catch (IOException e) {
            throw new IllegalStateException("Stored payload of " + claimed.deliveryId() + " is not JSON", e);
        }
    }

    /** Schedules another attempt, or marks the delivery DEAD (retryable faults) or FAILED (anything else). */
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
                nextAttempt = nextAttempt.plus(new RetryDelay(config.backoffBase(), config.backoffCap())
                        .after(claimed.attempts(), retryable.notBeforeSeconds(), random));
            }
        } else {
            next = Delivery.State.FAILED;
        }
        // Text from a payload may hold a NUL, which PostgreSQL text cannot; the reason must be storable, or the
        // delivery would stay claimed until its lease runs out.
        String storable = message == null ? null : message.replace('\u0000', '\uFFFD');
        String lastError = storable != null && storable.length() > 2000 ? storable.substring(0, 2000) + "…" : storable;
        Instant at = nextAttempt;
        db.committed("failing delivery " + claimed.deliveryId(), c -> Rows.update(c,
                "UPDATE delivery SET state = ?, next_attempt_at = ?, lease_until = NULL, last_error = ?"
                        + " WHERE delivery_id = ? AND state = 'PROCESSING' AND attempts = ?",
                next.name(), at, lastError, claimed.deliveryId(), claimed.attempts()));
        return next;
    }

    /** When a delivery was stored, and how many attempts it has had, this one included. */
    public record Arrival(Instant receivedAt, int attempts) {

        /** An earlier attempt ran: what it wrote to GitHub before failing may be there. */
        public boolean retried() {
            return attempts > 1;
        }
    }

    /** When the delivery was stored, and its attempts so far: one statement. */
    public Arrival arrival(String deliveryId) {
        return db.autocommit("reading delivery " + deliveryId, c -> Rows
                .first(c, "SELECT received_at, attempts FROM delivery WHERE delivery_id = ?",
                        rs -> new Arrival(Rows.instant(rs, "received_at"), rs.getInt("attempts")), deliveryId)
                .orElseThrow(() -> new IllegalStateException("No delivery " + deliveryId)));
    }

    /** How many attempts the delivery has had. */
    public int attempts(String deliveryId) {
        return db.autocommit("reading delivery " + deliveryId, c -> Rows
                .first(c, "SELECT attempts FROM delivery WHERE delivery_id = ?", rs -> rs.getInt(1), deliveryId)
                .orElse(0));
    }

    /** When the delivery was stored. */
    public Instant receivedAt(String deliveryId) {
        return db.inTransaction("reading delivery " + deliveryId, c -> {
            List<Instant> at = new ArrayList<>(1);
            Rows.query(c, "SELECT received_at FROM delivery WHERE delivery_id = ?",
                    rs -> at.add(Rows.instant(rs, "received_at")), deliveryId);
            return at.stream().findFirst()
                    .orElseThrow(() -> new IllegalStateException("No delivery " + deliveryId));
        });
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
