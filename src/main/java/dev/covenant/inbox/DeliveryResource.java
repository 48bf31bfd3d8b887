package dev.covenant.inbox;

import java.time.Instant;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.api.Paging;

/** The webhook inbox as operators see it: what arrived, what state it is in, and sending a dead one round again. */
@Path("/api/deliveries")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed("admin")
public class DeliveryResource {

    private final DeliveryQueue queue;

    DeliveryResource(DeliveryQueue queue) {
        this.queue = queue;
    }

    public record DeliveryView(String deliveryId, String event, String action, Long installationId, String repository,
            Instant receivedAt, Delivery.State state, int attempts, Instant nextAttemptAt, String lastError) {

        static DeliveryView of(Delivery d) {
            return new DeliveryView(d.deliveryId, d.event, d.action, d.installationId, d.repository, d.receivedAt,
                    d.state,
                    d.attempts, d.nextAttemptAt, d.lastError);
        }
    }

    @GET
    @Operation(summary = "Recent deliveries, newest first, optionally of one state (e.g. DEAD)")
    @Transactional
    public List<DeliveryView> list(@QueryParam("state") String state,
            @QueryParam("limit") String limitValue) {
        int limit = (int) Paging.whole("limit", limitValue, 100, 1, 1000);
        Delivery.State parsed = null;
        if (state != null && !state.isBlank()) {
            try {
                parsed = Delivery.State.valueOf(state.trim().toUpperCase());
            } catch (IllegalArgumentException e) {
                throw InvalidInputException.of("state",
                        "must be one of " + java.util.Arrays.toString(Delivery.State.values()));
            }
        }
        return Delivery.recent(parsed, limit).stream().map(DeliveryView::of).toList();
    }

    @POST
    @Path("/{id}/redrive")
    @Operation(summary = "Send a dead delivery round again, from its first attempt")
    @Transactional
    public DeliveryView redrive(@PathParam("id") String id) {
        return DeliveryView.of(queue.redrive(id).orElseThrow(() -> new NotFoundProblem("No delivery " + id)));
    }
}
