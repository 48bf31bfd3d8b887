package dev.covenant.admin;

import java.util.Arrays;
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
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.TemplateInstance;

import dev.covenant.api.ConflictException;
import dev.covenant.inbox.Delivery;
import dev.covenant.inbox.DeliveryQueue;
import dev.covenant.web.Caller;
import dev.covenant.web.Layout;
import dev.covenant.web.PageException;
import dev.covenant.web.Requests;
import dev.covenant.web.Roles;

/** The webhook deliveries, newest first, and sending a dead one round again after a confirmation. */
@Path("/admin/deliveries")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class DeliveryPagesResource {

    static final int SHOWN = 100;

    private final Caller caller;
    private final DeliveryQueue queue;

    DeliveryPagesResource(Caller caller, DeliveryQueue queue) {
        this.caller = caller;
        this.queue = queue;
    }

    @GET
    @Transactional
    public TemplateInstance list(@QueryParam("state") String state) {
        Delivery.State chosen = Arrays.stream(Delivery.State.values()).filter(s -> s.name().equals(state))
                .findFirst().orElse(null);
        return AdminPages.deliveries(Layout.Visitor.of(caller), Delivery.recent(chosen, SHOWN),
                chosen == null ? "" : chosen.name(), List.of(Delivery.State.values()));
    }

    @GET
    @Path("{id}/redrive")
    @Transactional
    public TemplateInstance confirmRedrive(@PathParam("id") String id) {
        return AdminPages.redrive(Layout.Visitor.of(caller), delivery(id));
    }

    @POST
    @Path("{id}/redrive")
    public Response redrive(@PathParam("id") String id) {
        try {
            queue.redrive(id).orElseThrow(() -> PageException.notFound("There is no delivery " + id + "."));
        } catch (ConflictException e) {
            throw new PageException(409, "Not sent again",
                    "Only a delivery that gave up can be sent round again; this one is no longer waiting for that.");
        }
        return Requests.seeOther("/admin/deliveries");
    }

    private static Delivery delivery(String id) {
        return Delivery.<Delivery>findByIdOptional(id)
                .orElseThrow(() -> PageException.notFound("There is no delivery " + id + "."));
    }
}
