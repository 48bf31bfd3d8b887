package dev.covenant.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;
import org.jboss.logging.Logger;

/**
 * Sends the NOTIFY on one channel that wakes every instance's listeners once new work is committed, outside the
 * transaction that stored it: a NOTIFY inside a transaction makes PostgreSQL serialise its commit with every other
 * notifying commit (a lock on the notification queue held until the commit is flushed). At most one per
 * {@code spacing} per instance: requests made meanwhile fold into one more, so a burst costs a few NOTIFYs. A lost
 * NOTIFY (a crash right after a commit) costs at most a poll interval: listeners also look on a timer. Where nobody
 * listens (through a transaction-mode pooler, {@link WakeUps#notified()}) it sends nothing.
 */
public final class Notifier implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(Notifier.class);
    private static final int IDLE = 0;
    private static final int SENDING = 1;
    private static final int ASKED_AGAIN = 2;

    private final AgroalDataSource dataSource;
    private final TransactionSynchronizationRegistry transactions;
    private final String channel;
    private final Duration spacing;
    private final AtomicInteger state = new AtomicInteger(IDLE);
    private final ExecutorService sender;
    private final boolean heard;

    /** {@code channel} is a constant of ours (it is written into the statement). */
    public Notifier(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, String channel,
            Duration spacing, WakeUps wakeUps) {
        this.dataSource = dataSource;
        this.heard = wakeUps.notified();
        this.transactions = transactions;
        this.channel = channel;
        this.spacing = spacing;
        this.sender = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "covenant-notify-" + channel);
            t.setDaemon(true);
            return t;
        });
    }

    /** Wakes the listeners when the caller's transaction commits (at once if there is none); not if it rolls back. */
    public void afterCommit() {
        if (!heard) {
            return;
        }
        if (transactions.getTransactionStatus() != Status.STATUS_ACTIVE) {
            now();
            return;
        }
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // Nothing to do before: the work is not visible to the listeners until the commit.
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    now();
                }
            }
        });
    }

    /** Wakes the listeners soon, for work that is committed already. Never blocks the caller. */
    public void now() {
        if (!heard) {
            return;
        }
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
            notifyListeners();
            try {
                Thread.sleep(spacing.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                state.set(IDLE);
                return;
            }
        } while (!state.compareAndSet(SENDING, IDLE));
    }

    private void notifyListeners() {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            connection.setAutoCommit(true);
            // Committed like every other statement (synchronous_commit stays on); at most one per spacing, so the
            // flush it waits for is not on anyone's critical path.
            statement.execute("SELECT pg_notify('" + channel + "', '')");
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Could not notify %s (%s); the listeners find the work within their poll interval", channel,
                    e.getMessage());
        }
    }

    @Override
    public void close() {
        sender.shutdownNow();
    }
}
