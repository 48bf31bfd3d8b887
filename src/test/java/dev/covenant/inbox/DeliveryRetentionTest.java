package dev.covenant.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;

/** Finished and ignored deliveries go after the retention (30 days); failed, dead and recent ones stay. */
@QuarkusTest
class DeliveryRetentionTest {

    @Inject
    DeliveryRetention retention;

    private static String delivery(String state, Duration age) throws SQLException {
        String id = "retention-" + UUID.randomUUID();
        Timestamp at = Timestamp.from(Instant.now().minus(age));
        Sql.update("INSERT INTO delivery (delivery_id, event, action, payload, received_at, state, attempts,"
                + " next_attempt_at) VALUES (?, 'covenant_test', 'kept', '\\x7b7d'::bytea, ?, ?, 1, ?)", id, at, state,
                at);
        return id;
    }

    private static String stateOf(String id) throws SQLException {
        return Sql.text("SELECT coalesce((SELECT state FROM delivery WHERE delivery_id = ?), 'gone')", id);
    }

    @Test
    void oldFinishedAndIgnoredDeliveriesAreDeletedTheRestStay() throws SQLException {
        Duration old = Duration.ofDays(31);
        String done = delivery("DONE", old);
        String ignored = delivery("IGNORED", old);
        String failed = delivery("FAILED", old);
        String dead = delivery("DEAD", old);
        String recent = delivery("DONE", Duration.ofDays(29));

        retention.purge();

        assertEquals("gone", stateOf(done));
        assertEquals("gone", stateOf(ignored));
        assertEquals("FAILED", stateOf(failed));
        assertEquals("DEAD", stateOf(dead));
        assertEquals("DONE", stateOf(recent));
    }
}
