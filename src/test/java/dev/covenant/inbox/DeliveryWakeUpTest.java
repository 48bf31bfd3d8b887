package dev.covenant.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import dev.covenant.Sql;

@QuarkusTest
class DeliveryWakeUpTest {

    @Inject
    DeliveryWakeUp wakeUp;

    @Inject
    UserTransaction transaction;

    /** A connection listening on the workers' channel, with whatever earlier tests sent already drained. */
    static Connection listener() throws SQLException {
        Connection connection = Sql.connect();
        try (Statement statement = connection.createStatement()) {
            statement.execute("LISTEN " + DeliveryWakeUp.CHANNEL);
        }
        while (received(connection, Duration.ofMillis(150)) > 0) {
            // Drain until quiet.
        }
        return connection;
    }

    /** How many notifications arrive within the time. */
    static int received(Connection connection, Duration within) throws SQLException {
        PGConnection pg = connection.unwrap(PGConnection.class);
        long deadline = System.nanoTime() + within.toNanos();
        int count = 0;
        for (long left = within.toMillis(); left > 0; left = (deadline - System.nanoTime()) / 1_000_000) {
            PGNotification[] notifications = pg.getNotifications((int) left);
            count += notifications == null ? 0 : notifications.length;
        }
        return count;
    }

    @Test
    void aWakeUpReachesTheListeningWorkers() throws SQLException {
        try (Connection worker = listener()) {
            wakeUp.now();
            assertTrue(received(worker, Duration.ofSeconds(5)) >= 1, "no NOTIFY reached the listener");
        }
    }

    @Test
    void aBurstOfWakeUpsCostsAFewNotifies() throws SQLException {
        try (Connection worker = listener()) {
            for (int i = 0; i < 1_000; i++) {
                wakeUp.now();
            }
            int notifies = received(worker, Duration.ofSeconds(1));
            assertTrue(notifies >= 1 && notifies <= 5, "1,000 wake-ups in a burst sent " + notifies + " NOTIFYs");
        }
    }

    @Test
    void onlyACommittedTransactionWakesTheWorkers() throws Exception {
        try (Connection worker = listener()) {
            transaction.begin();
            wakeUp.afterCommit();
            transaction.rollback();
            assertEquals(0, received(worker, Duration.ofMillis(300)), "a rolled-back transaction woke the workers");

            transaction.begin();
            wakeUp.afterCommit();
            assertEquals(0, received(worker, Duration.ofMillis(300)), "the workers were woken before the commit");
            transaction.commit();
            assertTrue(received(worker, Duration.ofSeconds(5)) >= 1, "the commit did not wake the workers");
        }
    }
}
