package dev.covenant.jobs;

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
 * Sends the NOTIFY that wakes every instance's job runner once new jobs are committed, outside the transaction that
 * queued them (a NOTIFY inside it would serialise its commit with every other notifying one). At most one per
 * {@link #SPACING} per instance: requests made meanwhile fold into one more, so a burst of signatures costs a few.
 * A lost NOTIFY costs at most a poll interval: the runners also look on a timer.
 */
@ApplicationScoped
public class JobWakeUp {

    /** The channel the runners listen on. */
    static final String CHANNEL = "covenant_jobs";
    /** The least time between two NOTIFYs of this instance; each one has every instance's runner claim. */
    static final Duration SPACING = Duration.ofMillis(20);
    private static final int IDLE = 0;
    private static final int SENDING = 1;
    private static final int ASKED_AGAIN = 2;
    private static final Logger LOG = Logger.getLogger(JobWakeUp.class);

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final ExecutorService sender = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "covenant-jobs-wake-up");
        t.setDaemon(true);
        return t;
    });

    JobWakeUp(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions) {
        this.dataSource = dataSource;
        this.transactions = transactions;
    }

    /** Wakes the runners when the caller's transaction commits (at once if there is none); not if it rolls back. */
    public void afterCommit() {
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            now();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // The jobs are not visible to the runners until the commit.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    now();
                }
            }
        });
    }

    /** Wakes the runners soon, for jobs that are committed already. Never blocks the caller. */
    public void now() {
        if (state.getAndUpdate(s -> s == IDLE ? SENDING : ASKED_AGAIN) == IDLE) {
            try {
                sender.execute(this::send);
            } catch (RejectedExecutionException e) {
                state.set(IDLE); // Shutting down: nobody is left to wake.
            }
        }
    }

    /** One NOTIFY, then a pause of the spacing; one more if someone asked meanwhile. */
    private void send() {
        do {
            state.set(SENDING);
            notifyRunners();
            try {
                Thread.sleep(SPACING.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                state.set(IDLE);
                return;
            }
        } while (!state.compareAndSet(SENDING, IDLE));
    }

    private void notifyRunners() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            // A NOTIFY lost to a crash is harmless (the runners poll), so its commit need not wait for the disk.
            statement.execute("SELECT set_config('synchronous_commit', 'off', true), pg_notify('" + CHANNEL + "', '')");
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not wake the job runners (%s); they find the work within their poll interval",
                    e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        sender.shutdownNow();
    }
}
