package dev.covenant.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Timestamp;
import java.time.Instant;

import jakarta.ws.rs.core.Response;

import org.junit.jupiter.api.Test;

/**
 * Once the service stops, the batcher takes no delivery (it would never be committed) and the endpoint answers 503
 * with Retry-After, so GitHub's redelivery or a retrying proxy sends it to an instance that runs.
 */
class InboxClosedTest {

    @Test
    void aClosedBatcherRefusesDeliveriesAndTheEndpointAsksForThemLater() {
        DeliveryBatcher batcher = new DeliveryBatcher(null);
        batcher.start();
        batcher.close();
        DeliveryBatcher.Row row = new DeliveryBatcher.Row("d-1", "pull_request", "opened", 1L, "acme/widget",
                new byte[] {'{', '}'}, Timestamp.from(Instant.EPOCH), Delivery.State.PENDING, null);

        InboxClosedException refused = assertThrows(InboxClosedException.class, () -> batcher.store(row));

        Response answer = new InboxClosedMapper().toResponse(refused);
        assertEquals(503, answer.getStatus());
        assertEquals(String.valueOf(InboxClosedMapper.RETRY_AFTER_SECONDS), answer.getHeaderString("Retry-After"));
        assertEquals("application/problem+json", answer.getMediaType().toString());
    }
}
