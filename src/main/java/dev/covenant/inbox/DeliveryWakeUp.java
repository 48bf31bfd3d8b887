package dev.covenant.inbox;

import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;

import dev.covenant.jdbc.Notifier;
import dev.covenant.jdbc.WakeUps;

/**
 * Wakes every instance's delivery worker after a delivery is committed ({@link Notifier} on {@value #CHANNEL}): never
 * a NOTIFY inside the transaction that stored it, which put one disk flush per webhook on the endpoint's critical
 * path. At most one per {@link #SPACING} per instance.
 */
@ApplicationScoped
public class DeliveryWakeUp {

    /** The channel NOTIFY uses to wake the workers. */
    static final String CHANNEL = "covenant_deliveries";
    /**
     * The least time between two NOTIFYs of this instance. Each one wakes every instance's idle worker for a claim;
     * a busy worker does not wait for them. Under a burst this keeps empty claims down, at the cost of an idle worker
     * starting on new work up to this much later.
     */
    private static final Duration SPACING = Duration.ofMillis(20);

    private final Notifier notifier;

    DeliveryWakeUp(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, WakeUps wakeUps) {
        this.notifier = new Notifier(dataSource, transactions, CHANNEL, SPACING, wakeUps);
    }

    /** Wakes the workers once the caller's transaction has committed (at once if there is none); not if it rolls back. */
    public void afterCommit() {
        notifier.afterCommit();
    }

    /** Wakes the workers soon, for work that is committed already. Never blocks the caller. */
    public void now() {
        notifier.now();
    }

    @PreDestroy
    void stop() {
        notifier.close();
    }
}
