package dev.covenant.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.function.BooleanSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import org.postgresql.PGConnection;

/**
 * How a worker learns of new work: a NOTIFY on its channel, heard on a listening connection of its own, and a timer
 * for what no notification announces (retries that come due, leases that ran out). Through a transaction-mode
 * pooler a LISTEN would be registered in whichever server session ran it and heard by nobody, so there the timer
 * alone wakes the worker, at {@link DatabaseConfig#poolerPollInterval()} at the longest, and no connection is held
 * while it waits.
 */
@ApplicationScoped
public class WakeUps {

    private final AgroalDataSource dataSource;
    private final DatabaseConfig config;

    WakeUps(AgroalDataSource dataSource, DatabaseConfig config) {
        this.dataSource = dataSource;
        this.config = config;
    }

    /** Whether workers are woken by NOTIFY (else by polling alone). */
    public boolean notified() {
        return !config.sharedSessions();
    }

    /** The longest a worker with poll interval {@code poll} waits between two looks for work. */
    public Duration interval(Duration poll) {
        Duration pooled = config.poolerPollInterval();
        return notified() || poll.compareTo(pooled) <= 0 ? poll : pooled;
    }

    /**
     * Runs {@code work} now, at each NOTIFY on {@code channel} and at least every {@link #interval}, until
     * {@code running} turns false; an SQLException means the listening connection was lost.
     */
    public void serve(String channel, Duration poll, BooleanSupplier running, Runnable work) throws SQLException {
        Duration every = interval(poll);
        if (!notified()) {
            while (running.getAsBoolean()) {
                work.run();
                Notifications.pause(every, running);
            }
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (Statement statement = connection.createStatement()) {
                statement.execute("LISTEN " + channel);
            }
            PGConnection pg = connection.unwrap(PGConnection.class);
            while (running.getAsBoolean()) {
                work.run();
                // Returns at the first notification, or after the interval for retries and lost leases.
                Notifications.await(pg, every, running);
            }
        }
    }
}
