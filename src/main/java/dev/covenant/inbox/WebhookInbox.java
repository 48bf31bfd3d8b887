package dev.covenant.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import io.agroal.api.AgroalDataSource;

/**
 * Stores each delivery before it is answered. Idempotent by GitHub's delivery id, so a redelivery is a no-op; once
 * stored, the workers are woken. This is the service's hottest path (every webhook GitHub sends), so the store is one
 * JDBC statement in its own implicit transaction: no JTA transaction, no Hibernate query plan, one round trip.
 */
@ApplicationScoped
public class WebhookInbox {

    /** The events and actions Covenant acts on; everything else is recorded as ignored. */
    static final Map<String, Set<String>> HANDLED = Map.of(
            "pull_request", Set.of("opened", "reopened", "synchronize", "closed"),
            "merge_group", Set.of("checks_requested"),
            "issue_comment", Set.of("created"),
            "check_run", Set.of("rerequested"),
            "installation", Set.of("created", "deleted", "suspend", "unsuspend", "new_permissions_accepted"),
            "installation_repositories", Set.of("added", "removed"));

    private static final String INSERT = "INSERT INTO delivery (delivery_id, event, action, installation_id, repository, "
            + "payload, received_at, state, attempts, next_attempt_at, last_error) "
            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?) ON CONFLICT (delivery_id) DO NOTHING";

    private final AgroalDataSource dataSource;
    private final Clock clock;
    private final DeliveryWakeUp wakeUp;
    private final InboxPressure pressure;

    WebhookInbox(AgroalDataSource dataSource, Clock clock, DeliveryWakeUp wakeUp, InboxPressure pressure) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.wakeUp = wakeUp;
        this.pressure = pressure;
    }

    public enum Outcome {
        ACCEPTED, DUPLICATE, IGNORED, MALFORMED
    }

    public record Received(Outcome outcome, String detail) {
    }

    /** Outside any transaction: the statement commits by itself before the delivery is answered. */
    @Transactional(Transactional.TxType.NOT_SUPPORTED)
    public Received receive(String deliveryId, String event, byte[] body) {
        DeliveryFields fields = DeliveryFields.read(body);
        String parseError = fields.error();
        String action = fields.action();
        Delivery.State state;
        Outcome outcome;
        if (parseError != null) {
            state = Delivery.State.FAILED;
            outcome = Outcome.MALFORMED;
        } else if ("ping".equals(event)) {
            state = Delivery.State.DONE;
            outcome = Outcome.ACCEPTED;
        } else if (action != null && HANDLED.getOrDefault(event, Set.of()).contains(action)) {
            // (Set.of(...).contains(null) throws: a payload without a string action is simply not handled.)
            state = Delivery.State.PENDING;
            outcome = Outcome.ACCEPTED;
        } else {
            state = Delivery.State.IGNORED;
            outcome = Outcome.IGNORED;
        }
        Timestamp now = Timestamp.from(Instant.now(clock));
        boolean inserted;
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(INSERT)) {
            connection.setAutoCommit(true);
            insert.setString(1, deliveryId);
            insert.setString(2, event);
            insert.setString(3, action);
            if (fields.installationId() != null) {
                insert.setLong(4, fields.installationId());
            } else {
                insert.setNull(4, Types.BIGINT);
            }
            insert.setString(5, fields.repository());
            insert.setBytes(6, body);
            insert.setTimestamp(7, now);
            insert.setString(8, state.name());
            insert.setTimestamp(9, now);
            insert.setString(10, parseError);
            inserted = insert.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "Delivery " + deliveryId + " (" + event + ") could not be stored: " + e.getMessage(), e);
        }
        if (!inserted) {
            return new Received(Outcome.DUPLICATE, "delivery " + deliveryId + " was already received");
        }
        if (state == Delivery.State.PENDING) {
            pressure.stored(clock.millis());
            wakeUp.now();
        }
        return new Received(outcome, parseError);
    }
}
