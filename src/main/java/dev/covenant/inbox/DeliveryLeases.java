package dev.covenant.inbox;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.covenant.jdbc.Database;
import dev.covenant.jdbc.Rows;

/**
 * The deliveries this instance's workers are processing. Their lease is short ({@link WorkerConfig#lease()}) and a
 * heartbeat moves it ahead every third of its length while they run, so a delivery whose instance died is taken over
 * within one lease, however long a healthy delivery may run. On a clean stop, what is still held is given back at once.
 */
@ApplicationScoped
public class DeliveryLeases {

    private static final Logger LOG = Logger.getLogger(DeliveryLeases.class);

    private final Database db;
    private final Clock clock;
    private final WorkerConfig config;
    /** Delivery id → the attempt this instance holds. */
    private final Map<String, Integer> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService heartbeat = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "covenant-delivery-leases");
        t.setDaemon(true);
        return t;
    });

    DeliveryLeases(Database db, Clock clock, WorkerConfig config) {
        this.db = db;
        this.clock = clock;
        this.config = config;
        long every = Math.max(100, config.lease().toMillis() / 3);
        heartbeat.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    void hold(DeliveryQueue.Claimed claimed) {
        held.put(claimed.deliveryId(), claimed.attempts());
    }

    void letGo(DeliveryQueue.Claimed claimed) {
        held.remove(claimed.deliveryId(), claimed.attempts());
    }

    boolean isEmpty() {
        return held.isEmpty();
    }

    /** Keeps the held deliveries' leases from running out while their handlers still work. */
    void renew() {
        if (held.isEmpty()) {
            return;
        }
        try {
            Instant until = clock.instant().plus(config.lease());
            db.committed("renewing delivery leases", c -> Rows.update(c, "UPDATE delivery SET lease_until = ?"
                    + " WHERE state = 'PROCESSING' AND delivery_id = ANY(?)", until, Rows.texts(held.keySet())));
        } catch (RuntimeException e) {
            LOG.warnf("Renewing the leases of %d deliveries failed (%s); trying again", held.size(), e.getMessage());
        }
    }

    /**
     * Gives every held delivery back, due now, for another instance (or this one restarted) to take; the attempt still
     * counts. Its handler, if it still runs, then finds the delivery no longer its own when it ends.
     */
    int releaseAll() {
        heartbeat.shutdownNow();
        if (held.isEmpty()) {
            return 0;
        }
        List<String> ids = List.copyOf(held.keySet());
        held.clear();
        return db.committed("releasing delivery leases", c -> Rows.update(c, "UPDATE delivery SET state = 'PENDING',"
                + " lease_until = NULL, next_attempt_at = ? WHERE state = 'PROCESSING' AND delivery_id = ANY(?)",
                clock.instant(), Rows.texts(ids)));
    }

    @PreDestroy
    void stop() {
        heartbeat.shutdownNow();
    }
}
