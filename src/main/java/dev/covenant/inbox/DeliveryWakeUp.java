package dev.covenant.inbox;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;
import org.jboss.logging.Logger;

/**
 * Sends the NOTIFY that wakes every instance's delivery worker, after the work is committed and outside the
 * transaction that stored it. A NOTIFY inside a transaction makes PostgreSQL serialise its commit with every other
 * notifying commit (a lock on the notification queue held until the commit is flushed), which put one disk flush per
 * webhook on the endpoint's critical path. Requests made while a NOTIFY is under way are folded into one more, so a
 * burst of deliveries costs a few NOTIFYs. A lost NOTIFY (a crash right after a commit) costs at most one poll
 * interval: the workers also look for due work on a timer.
 */
@ApplicationScoped
public class DeliveryWakeUp {

    /** The channel NOTIFY uses to wake the workers. */
    static final String CHANNEL = "covenant_deliveries";
    private static final Logger LOG = Logger.getLogger(DeliveryWakeUp.class);
    private static final int IDLE = 0;
    private static final int SENDING = 1;
    private static final int SENDING_AND_ASKED_AGAIN = 2;
    /**
     * The least time between two NOTIFYs of this instance. Each one wakes every instance's idle worker for a claim;
     * a busy worker does not wait for them. Under a burst this keeps empty claims down, at the cost of an idle worker
     * starting on new work up to this much later.
     */
    private static final Duration SPACING = Duration.ofMillis(20);

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "covenant-delivery-wake-up");
        t.setDaemon(true);
        return t;
    });

    DeliveryWakeUp(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** Wakes the workers once the caller's transaction has committed; not at all if it rolls back. */
    public void afterCommit() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to do before: the work is not visible to the workers until the commit.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    now();
                }
            }
        });
    }

    /** Wakes the workers soon, for work that is committed already. Never blocks the caller. */
    public void now() {
        if (state.getAndUpdate(s -> s == IDLE ? SENDING : SENDING_AND_ASKED_AGAIN) == IDLE) {
            try {
                sender.execute(this::send);
            } catch (RejectedExecutionException e) {
                state.set(IDLE); // Shutting down: nobody is left to wake.
            }
        }
    }

    /**
     * One NOTIFY, then a pause of the spacing, during which requests are folded into one more; stops after a pause in
     * which nobody asked.
     */
    private void send() {
        do {
            state.set(SENDING);
            notifyWorkers();
            try {
                Thread.sleep(SPACING.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                state.set(IDLE);
                return;
            }
        } while (!state.compareAndSet(SENDING, IDLE));
    }

    private void notifyWorkers() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            // A NOTIFY lost to a crash is harmless (the workers poll), so its commit need not wait for the disk.
            statement.execute("SELECT set_config('synchronous_commit', 'off', true), pg_notify('"
                    + CHANNEL + "', '')");
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not wake the delivery workers (%s); they find the work within their poll interval",
                    e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }
}
