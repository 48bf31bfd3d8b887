package dev.covenant.inbox;

import java.util.Map;
import java.util.regex.Pattern;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jboss.logging.Logger;

import dev.covenant.api.Problem;

/**
 * Where GitHub delivers webhooks. The signature is checked over the raw bytes first; only a signed delivery is
 * stored, and the answer (202) comes as soon as it is stored, before any call to GitHub.
 */
@Path("/github/webhook")
public class WebhookResource {

    private static final Logger LOG = Logger.getLogger(WebhookResource.class);
    private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
    private static final Pattern EVENT = Pattern.compile("[a-z_]{1,60}");

    private final WebhookInbox inbox;
    private final WebhookConfig config;

    WebhookResource(WebhookInbox inbox, WebhookConfig config) {
        this.inbox = inbox;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "GitHub App webhook deliveries (X-Hub-Signature-256 required)")
    public Response receive(byte[] body, @HeaderParam("X-Hub-Signature-256") String signature,
            @HeaderParam("X-GitHub-Delivery") String deliveryId, @HeaderParam("X-GitHub-Event") String event) {
        if (config.webhookSecret().isEmpty()) {
            LOG.warn("A webhook delivery was refused: COVENANT_GITHUB_WEBHOOK_SECRET is not set");
        }
        if (!WebhookSignature.isValid(config.webhookSecret().orElse(""), body, signature)) {
            return Problem
                    .of(Response.Status.UNAUTHORIZED, "The X-Hub-Signature-256 signature is missing or does not match")
                    .toResponse();
        }
        if (deliveryId == null || !DELIVERY_ID.matcher(deliveryId).matches()) {
            return Problem.of(400, "Bad Request", "X-GitHub-Delivery is missing or malformed").toResponse();
        }
        if (event == null || !EVENT.matcher(event).matches()) {
            return Problem.of(400, "Bad Request", "X-GitHub-Event is missing or malformed").toResponse();
        }
        WebhookInbox.Received received = inbox.receive(deliveryId, event, body);
        if (received.outcome() == WebhookInbox.Outcome.MALFORMED) {
            return Problem
                    .of(400, "Bad Request", "Delivery " + deliveryId + " was stored as failed: " + received.detail())
                    .toResponse();
        }
        return Response.accepted(Map.of("delivery", deliveryId, "outcome", received.outcome().name())).build();
    }
}
