package dev.covenant.inbox;

import java.io.InputStream;
import java.util.Map;
import java.util.Optional;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.vertx.core.http.HttpServerRequest;
import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.covenant.api.BodyLimitFilter;
import dev.covenant.api.Problem;

/**
 * Where GitHub delivers webhooks. A request without a signature or with a malformed header is refused before its
 * body is read ({@link WebhookGate}), as is a declared length over the limit; the rest is read through the HMAC within the in-flight budget
 * ({@link SignedBody}). Only a signed delivery is stored, and the answer (202) comes as soon as it is stored, before
 * any call to GitHub.
 */
@Path(WebhookBodyLimit.PATH)
public class WebhookResource {

    static final String SIGNATURE = "X-Hub-Signature-256";
    static final String DELIVERY = "X-GitHub-Delivery";
    static final String EVENT = "X-GitHub-Event";

    private final WebhookInbox inbox;
    private final WebhookConfig config;
    private final WebhookBudget budget;

    WebhookResource(WebhookInbox inbox, WebhookConfig config, WebhookBudget budget) {
        this.inbox = inbox;
        this.config = config;
        this.budget = budget;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "GitHub App webhook deliveries (X-Hub-Signature-256 required)")
    public Response receive(InputStream body, @HeaderParam(SIGNATURE) String signature,
            @HeaderParam(DELIVERY) String deliveryId, @HeaderParam(EVENT) String event,
            @HeaderParam(HttpHeaders.CONTENT_LENGTH) Long length, @Context HttpServerRequest connection) {
        Optional<byte[]> given = WebhookSignature.given(signature);
        if (config.webhookSecret().isEmpty() || given.isEmpty()) {
            // WebhookGate answers these before the body is read; this is for a filter chain that changed.
            return WebhookGate.unread(WebhookGate.unsigned());
        }
        long limit = config.webhookMaxBody().asLongValue();
        try (SignedBody read = SignedBody.read(body, length == null ? -1 : length, limit, budget,
                WebhookSignature.mac(config.webhookSecret().get()), given.get())) {
            return switch (read.outcome()) {
                case SIGNED -> store(deliveryId, event, read.bytes());
                case FORGED -> WebhookGate.unsigned();
                case TOO_LARGE -> hangUp(connection, BodyLimitFilter.tooLarge(limit));
                case OVER_BUDGET -> hangUp(connection, Response.fromResponse(Problem.of(503, "Service Unavailable",
                        "Too many webhook bytes are being received at once; retry later").toResponse())
                        .header(HttpHeaders.RETRY_AFTER, config.webhookRetryAfter().toSeconds()).build());
                case BROKEN -> Problem.of(400, "Bad Request", "The body broke off before its end").toResponse();
            };
        }
    }

    /**
     * An answer before the body's end: what still arrives is dropped, not queued for a reader that is gone, and the
     * connection closes once the answer is out, so the client stops sending.
     */
    private static Response hangUp(HttpServerRequest connection, Response answer) {
        connection.handler(ignored -> {
        });
        connection.response().endHandler(ended -> connection.connection().close());
        return WebhookGate.unread(answer);
    }

    private Response store(String deliveryId, String event, byte[] body) {
        WebhookInbox.Received received = inbox.receive(deliveryId, event, body);
        if (received.outcome() == WebhookInbox.Outcome.MALFORMED) {
            return Problem
                    .of(400, "Bad Request", "Delivery " + deliveryId + " was stored as failed: " + received.detail())
                    .toResponse();
        }
        return Response.accepted(Map.of("delivery", deliveryId, "outcome", received.outcome().name())).build();
    }
}
