package dev.covenant.inbox;

import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.covenant.api.Problem;

/**
 * The webhook endpoint's headers, checked on the I/O thread as soon as they arrive, before any of the body is read:
 * a post without a well-formed signature, delivery id or event is answered at once and its connection closed, so
 * an unsigned flood costs no memory and no worker thread.
 */
public class WebhookGate {

    private static final Logger LOG = Logger.getLogger(WebhookGate.class);
    private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
    private static final Pattern EVENT = Pattern.compile("[a-z0-9_]{1,60}");

    private final WebhookConfig config;

    WebhookGate(WebhookConfig config) {
        this.config = config;
    }

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        if (!"POST".equals(request.getMethod()) || !WebhookBodyLimit.PATH.equals(request.getUriInfo().getPath())) {
            return null;
        }
        if (config.webhookSecret().isEmpty()) {
            LOG.warn("A webhook delivery was refused: COVENANT_GITHUB_WEBHOOK_SECRET is not set");
            return unread(unsigned());
        }
        if (WebhookSignature.given(request.getHeaderString(WebhookResource.SIGNATURE)).isEmpty()) {
            return unread(unsigned());
        }
        String deliveryId = request.getHeaderString(WebhookResource.DELIVERY);
        if (deliveryId == null || !DELIVERY_ID.matcher(deliveryId).matches()) {
            return unread(Problem.of(400, "Bad Request", "X-GitHub-Delivery is missing or malformed").toResponse());
        }
        String event = request.getHeaderString(WebhookResource.EVENT);
        if (event == null || !EVENT.matcher(event).matches()) {
            return unread(Problem.of(400, "Bad Request", "X-GitHub-Event is missing or malformed").toResponse());
        }
        return null;
    }

    static Response unsigned() {
        return Problem
                .of(Response.Status.UNAUTHORIZED, "The X-Hub-Signature-256 signature is missing or does not match")
                .toResponse();
    }

    /** An answer given before the body was read: the connection closes, so the rest of the body is not sent. */
    static Response unread(Response answer) {
        return Response.fromResponse(answer).header("Connection", "close").build();
    }
}
