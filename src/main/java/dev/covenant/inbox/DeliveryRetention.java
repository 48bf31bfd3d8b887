package dev.covenant.inbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import dev.covenant.jdbc.Database;
import dev.covenant.jdbc.Rows;

/**
 * Keeps the inbox from growing for ever: finished and ignored deliveries older than the retention are deleted, in
 * batches, each in its own short transaction. What they did is recorded elsewhere (pull requests, check runs,
 * installations); failed and dead deliveries stay for the operators.
 */
@ApplicationScoped
public class DeliveryRetention {

    private static final Logger LOG = Logger.getLogger(DeliveryRetention.class);
    /** GitHub lets a delivery be redelivered for three days; a redelivered one that is gone would run again. */
    static final Duration SHORTEST = Duration.ofDays(3);
    private static final int BATCH = 10_000;

    private final Database db;
    private final WorkerConfig config;
    private final Clock clock;

    DeliveryRetention(Database db, WorkerConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
    }

    @Scheduled(every = "1h", delayed = "5m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void hourly() {
        long deleted = purge();
        if (deleted > 0) {
            LOG.infof("Deleted %d finished or ignored deliveries older than %s", deleted, keep());
        }
    }

    /** Deletes the DONE and IGNORED deliveries received before the retention; returns how many. */
    public long purge() {
        Instant before = Instant.now(clock).minus(keep());
        long total = 0;
        int deleted;
        do {
            deleted = db.committed("deleting finished deliveries", c -> Rows.update(c, "DELETE FROM delivery"
                    + " WHERE delivery_id IN (SELECT delivery_id FROM delivery WHERE received_at < ?"
                    + " AND state IN ('DONE', 'IGNORED') LIMIT " + BATCH + ")", before));
            total += deleted;
        } while (deleted == BATCH);
        return total;
    }

    private Duration keep() {
        return config.retention().compareTo(SHORTEST) < 0 ? SHORTEST : config.retention();
    }
}
