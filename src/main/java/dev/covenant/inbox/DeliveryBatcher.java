package dev.covenant.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.agroal.api.AgroalDataSource;
import io.quarkus.runtime.ShutdownEvent;
import org.jboss.logging.Logger;

/**
 * Group commit for the webhook endpoint: a writer thread stores every delivery that arrived while it was writing
 * the previous ones, in one transaction, and each caller returns only once that transaction is committed, which
 * with {@code synchronous_commit=on} means flushed to disk. One disk flush then covers a whole batch, so durability
 * costs little throughput; at a trickle a batch is one delivery and nothing waits for company. A few writers work
 * side by side, so that one batch is inserted while another waits for the disk (PostgreSQL flushes their commits
 * together when they meet).
 */
@ApplicationScoped
public class DeliveryBatcher {

    private static final Logger LOG = Logger.getLogger(DeliveryBatcher.class);
    /** The most deliveries one transaction stores (a batch of 25 MiB bodies stays within memory budgets). */
    static final int MAX_BATCH = 256;
    /** How long a caller waits for its batch to commit before the endpoint gives up on it. */
    private static final long COMMIT_WAIT_SECONDS = 30;
    /** Writers side by side: each holds one connection while it writes. */
    static final int WRITERS = 4;

    private static final String INSERT = "INSERT INTO delivery (delivery_id, event, action, installation_id, repository, "
            + "payload, received_at, state, attempts, next_attempt_at, last_error) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (delivery_id) DO NOTHING";

    /** One delivery to store, as the endpoint read it. */
    public record Row(String deliveryId, String event, String action, Long installationId, String repository,
            byte[] payload, Timestamp receivedAt, Delivery.State state, String lastError) {
    }

    private record Waiting(Row row, CompletableFuture<Boolean> stored) {
    }

    private final AgroalDataSource dataSource;
    private final BlockingQueue<Waiting> queue = new LinkedBlockingQueue<>();
    private final Object gate = new Object();
    private boolean open = true;
    private final List<Thread> writers = new ArrayList<>();

    DeliveryBatcher(AgroalDataSource dataSource) {
        this.dataSource = dataSource;
    }

    @PostConstruct
    void start() {
        for (int i = 1; i <= WRITERS; i++) {
            Thread writer = new Thread(this::write, "covenant-delivery-writer-" + i);
            writer.setDaemon(true);
            writers.add(writer);
            writer.start();
        }
    }

    /**
     * Stores the row and returns once it is committed: true if it was stored, false if a delivery of that id was
     * stored before. Throws {@link InboxClosedException} once the service is stopping.
     */
    public boolean store(Row row) {
        try {
            return storeLater(row).get(COMMIT_WAIT_SECONDS + 1, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof InboxClosedException closed) {
                throw closed;
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException(notCommitted(row), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while delivery " + row.deliveryId() + " was stored", e);
        }
    }

    /**
     * Hands the row to a writer without waiting: the answer completes on the writer's thread once the row is
     * committed (true if stored, false if a delivery of that id was stored before), or fails with
     * {@link InboxClosedException} once the service is stopping, or with the reason it could not be stored.
     */
    public CompletableFuture<Boolean> storeLater(Row row) {
        Waiting waiting = new Waiting(row, new CompletableFuture<>());
        synchronized (gate) {
            if (!open) {
                return CompletableFuture.failedFuture(new InboxClosedException());
            }
            queue.add(waiting);
        }
        return waiting.stored().orTimeout(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS).handle((stored, failure) -> {
            if (failure == null) {
                return stored;
            }
            Throwable cause = failure instanceof java.util.concurrent.CompletionException
                    ? failure.getCause()
                    : failure;
            if (cause instanceof InboxClosedException closed) {
                throw closed;
            }
            if (cause instanceof TimeoutException) {
                throw new IllegalStateException(notCommitted(row), cause);
            }
            throw new IllegalStateException("Delivery " + row.deliveryId() + " (" + row.event()
                    + ") could not be stored: " + cause.getMessage(), cause);
        });
    }

    private static String notCommitted(Row row) {
        return "Delivery " + row.deliveryId() + " was not committed within " + COMMIT_WAIT_SECONDS + " s";
    }

    /** First thing on a clean stop: new deliveries are answered 503, those in hand are committed. */
    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) ShutdownEvent event) {
        close();
    }

    /** Refuses new deliveries, and returns once every delivery already handed over is committed (or failed). */
    @PreDestroy
    public void close() {
        synchronized (gate) {
            if (!open) {
                return;
            }
            open = false;
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(COMMIT_WAIT_SECONDS);
        for (Thread writer : writers) {
            try {
                writer.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        List<Waiting> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(w -> w.stored().completeExceptionally(new InboxClosedException()));
    }

    private boolean isOpen() {
        synchronized (gate) {
            return open;
        }
    }

    private void write() {
        List<Waiting> batch = new ArrayList<>(MAX_BATCH);
        while (true) {
            Waiting first;
            try {
                first = queue.poll(100, TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            if (first == null) {
                if (!isOpen()) {
                    return;
                }
                continue;
            }
            batch.clear();
            batch.add(first);
            queue.drainTo(batch, MAX_BATCH - 1);
            try {
                commit(batch);
            } catch (SQLException | RuntimeException e) {
                if (batch.size() == 1) {
                    batch.get(0).stored().completeExceptionally(e);
                } else {
                    // One bad row must not fail the others: each alone, in a transaction of its own.
                    LOG.warnf("A batch of %d deliveries could not be stored together (%s); storing each alone",
                            batch.size(), e.getMessage());
                    for (Waiting one : batch) {
                        try {
                            commit(List.of(one));
                        } catch (SQLException | RuntimeException alone) {
                            one.stored().completeExceptionally(alone);
                        }
                    }
                }
            }
        }
    }

    /** One transaction for the batch; completes each caller only after the commit. */
    private void commit(List<Waiting> batch) throws SQLException {
        int[] counts;
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
                for (Waiting waiting : batch) {
                    bind(insert, waiting.row());
                    insert.addBatch();
                }
                counts = insert.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        }
        for (int i = 0; i < batch.size(); i++) {
            // A second delivery of one id in the same batch finds the first one's row: 0, a duplicate.
            batch.get(i).stored().complete(counts[i] == 1 || counts[i] == Statement.SUCCESS_NO_INFO);
        }
    }

    private static void bind(PreparedStatement insert, Row row) throws SQLException {
        insert.setString(1, row.deliveryId());
        insert.setString(2, row.event());
        insert.setString(3, row.action());
        if (row.installationId() != null) {
            insert.setLong(4, row.installationId());
        } else {
            insert.setNull(4, Types.BIGINT);
        }
        insert.setString(5, row.repository());
        insert.setBytes(6, row.payload());
        insert.setTimestamp(7, row.receivedAt());
        insert.setString(8, row.state().name());
        insert.setTimestamp(9, row.receivedAt());
        insert.setString(10, row.lastError());
    }
}
