package dev.covenant.jobs;

import java.time.Duration;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.TransactionSynchronizationRegistry;

import io.agroal.api.AgroalDataSource;

import dev.covenant.jdbc.Notifier;
import dev.covenant.jdbc.WakeUps;

/**
 * Wakes every instance's job runner once new jobs are committed ({@link Notifier} on {@value #CHANNEL}); at most one
 * NOTIFY per {@link #SPACING} per instance, so a burst of signatures costs a few.
 */
@ApplicationScoped
public class JobWakeUp {

    /** The channel the runners listen on. */
    static final String CHANNEL = "covenant_jobs";
    /** The least time between two NOTIFYs of this instance; each one has every instance's runner claim. */
    static final Duration SPACING = Duration.ofMillis(20);

    private final Notifier notifier;

    JobWakeUp(AgroalDataSource dataSource, TransactionSynchronizationRegistry transactions, WakeUps wakeUps) {
        this.notifier = new Notifier(dataSource, transactions, CHANNEL, SPACING, wakeUps);
    }

    /** Wakes the runners when the caller's transaction commits (at once if there is none); not if it rolls back. */
    public void afterCommit() {
        notifier.afterCommit();
    }

    /** Wakes the runners soon, for jobs that are committed already. Never blocks the caller. */
    public void now() {
        notifier.now();
    }

    @PreDestroy
    void stop() {
        notifier.close();
    }
}
