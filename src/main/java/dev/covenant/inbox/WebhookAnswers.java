package dev.covenant.inbox;

import java.util.concurrent.CompletionException;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import org.jboss.logging.Logger;

import dev.covenant.api.Problem;

/** The webhook endpoint's answers, written straight to the connection: problem+json, or the 202 with its outcome. */
final class WebhookAnswers {

    private static final Logger LOG = Logger.getLogger(WebhookAnswers.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One answer: status, media type, body, and a Retry-After in seconds (or null). */
    record Answer(int status, String type, String body, Long retryAfter) {

        Answer retryAfter(long seconds) {
            return new Answer(status, type, body, seconds);
        }
    }

    private WebhookAnswers() {
    }

    static Answer problem(int status, String title, String detail) {
        try {
            return new Answer(status, Problem.MEDIA_TYPE, JSON.writeValueAsString(Problem.of(status, title, detail)),
                    null);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A problem document could not be written", e);
        }
    }

    static Answer unsigned() {
        return problem(401, "Unauthorized", "The X-Hub-Signature-256 signature is missing or does not match");
    }

    /** What storing a delivery came to: 202 with its outcome, 400 for a payload stored as failed, 503 if not stored. */
    static Answer stored(String deliveryId, WebhookInbox.Received received, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause()
                : failure;
        if (cause instanceof InboxClosedException closed) {
            return problem(503, "Service Unavailable", closed.getMessage())
                    .retryAfter(InboxClosedMapper.RETRY_AFTER_SECONDS);
        }
        if (cause != null) {
            LOG.errorf(cause, "Delivery %s could not be stored: %s", deliveryId, cause.getMessage());
            return problem(503, "Service Unavailable", "Delivery " + deliveryId + " could not be stored; retry later")
                    .retryAfter(InboxClosedMapper.RETRY_AFTER_SECONDS);
        }
        if (received.outcome() == WebhookInbox.Outcome.MALFORMED) {
            return problem(400, "Bad Request",
                    "Delivery " + deliveryId + " was stored as failed: " + received.detail());
        }
        // The id is [A-Za-z0-9-] (checked before the body was read) and the outcome a constant: nothing to escape.
        return new Answer(202, "application/json",
                "{\"delivery\":\"" + deliveryId + "\",\"outcome\":\"" + received.outcome().name() + "\"}", null);
    }

    /** Answers once the body has been read. */
    static void send(HttpServerRequest request, Answer answer) {
        write(request.response(), answer);
    }

    /**
     * An answer before the body was read, or before its end: what still arrives is dropped, not queued for a reader
     * that is gone, and the connection closes once the answer is out, so the client stops sending.
     */
    static void unread(HttpServerRequest request, Answer answer) {
        request.handler(ignored -> {
        });
        request.endHandler(ignored -> {
        });
        HttpServerResponse response = request.response();
        if (response.ended()) {
            return;
        }
        response.putHeader("Connection", "close");
        response.endHandler(ended -> request.connection().close());
        write(response, answer);
        request.resume();
    }

    private static void write(HttpServerResponse response, Answer answer) {
        if (response.ended()) {
            return;
        }
        response.setStatusCode(answer.status()).putHeader("Content-Type", answer.type());
        if (answer.retryAfter() != null) {
            response.putHeader("Retry-After", Long.toString(answer.retryAfter()));
        }
        response.end(answer.body());
    }
}
