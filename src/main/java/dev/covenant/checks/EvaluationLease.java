package dev.covenant.checks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.covenant.jdbc.Database;
import dev.covenant.jdbc.Rows;
import dev.covenant.jobs.RetryLater;

/**
 * One evaluation of a pull request at a time, across threads and instances, with no transaction held while it runs:
 * a lease on the pull request's row, taken and given back in statements of their own, and renewed every third of
 * its length while the evaluation runs. Another evaluation of the same pull request waits for it (polling, without a
 * connection), and is retried later if it waits too long; the lease of a holder that died runs out soon
 * ({@code covenant.checks.evaluation-lease}), so a crash does not hold a pull request for long.
 */
@ApplicationScoped
public class EvaluationLease {

    private static final Logger LOG = Logger.getLogger(EvaluationLease.class);
    private static final long POLL_MILLIS = 50;

    private final Database db;
    private final ChecksConfig config;
    private final Clock clock;
    /** The leases this instance holds: pull request label by owner token. */
    private final Map<String, String> held = new ConcurrentHashMap<>();
    private final ScheduledExecutorService renewer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "covenant-evaluation-lease");
        t.setDaemon(true);
        return t;
    });

    EvaluationLease(Database db, ChecksConfig config, Clock clock) {
        this.db = db;
        this.config = config;
        this.clock = clock;
        long every = Math.max(100, config.evaluationLease().toMillis() / 3);
        renewer.scheduleWithFixedDelay(this::renew, every, every, TimeUnit.MILLISECONDS);
    }

    @PreDestroy
    void stop() {
        renewer.shutdownNow();
    }

    /** A held lease; closing it gives the pull request back. */
    public interface Held extends AutoCloseable {
        @Override
        void close();
    }

    /** Waits for the pull request (which must be tracked) to be free, then holds it. */
    public Held take(String repository, int number) {
        String owner = UUID.randomUUID().toString();
        long deadline = System.nanoTime() + config.evaluationWait().toNanos();
        while (!tryTake(repository, number, owner)) {
            if (System.nanoTime() > deadline) {
                throw new RetryLater(repository + "#" + number + " - another evaluation has held it for more than "
                        + config.evaluationWait(), 1, null);
            }
            sleep();
        }
        held.put(owner, repository + "#" + number);
        return () -> {
            held.remove(owner);
            release(repository, number, owner);
        };
    }

    /** Keeps this instance's leases from running out while their evaluations still work. */
    private void renew() {
        if (held.isEmpty()) {
            return;
        }
        try {
            Instant until = clock.instant().plus(config.evaluationLease());
            db.committed("renewing evaluation leases", c -> Rows.update(c, "UPDATE pull_request"
                    + " SET evaluation_lease_until = ? WHERE evaluation_owner = ANY(?)", until,
                    Rows.texts(List.copyOf(held.keySet()))));
        } catch (RuntimeException e) {
            LOG.warnf("Renewing the evaluation leases of %s failed: %s", held.values(), e.getMessage());
        }
    }

    private boolean tryTake(String repository, int number, String owner) {
        Instant now = clock.instant();
        Duration lease = config.evaluationLease();
        return db.committed(repository + "#" + number + " - taking the evaluation lease", c -> Rows.update(c,
                "UPDATE pull_request SET evaluation_owner = ?, evaluation_lease_until = ? WHERE repository = ?"
                        + " AND number = ? AND (evaluation_lease_until IS NULL OR evaluation_lease_until < ?)",
                owner, now.plus(lease), repository, number, now)) == 1;
    }

    private void release(String repository, int number, String owner) {
        int released = db.committed(repository + "#" + number + " - giving the evaluation lease back", c -> Rows
                .update(c, "UPDATE pull_request SET evaluation_owner = NULL, evaluation_lease_until = NULL"
                        + " WHERE repository = ? AND number = ? AND evaluation_owner = ?", repository, number, owner));
        if (released == 0) {
            LOG.warnf("%s#%d - the evaluation outlasted its lease (%s); another may have run beside it", repository,
                    number, config.evaluationLease());
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RetryLater("interrupted while waiting for another evaluation", e);
        }
    }
}
