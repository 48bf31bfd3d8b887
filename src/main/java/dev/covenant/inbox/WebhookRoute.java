package dev.covenant.inbox;

import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import org.jboss.logging.Logger;

import dev.covenant.api.BodyLimitFilter;

/**
 * Where GitHub delivers webhooks: {@code POST /github/webhook}, the service's hottest path, as a plain Vert.x route
 * on the I/O thread. It runs before the REST layer and the HTTP security handlers (a delivery is authenticated by its
 * HMAC, not by a session or token), which spent most of a delivery's time. A post without a well-formed signature,
 * delivery id, event, JSON type or acceptable length is answered before its body is read, and its connection
 * closed, so an unsigned flood costs no memory. The body is read through the HMAC within the in-flight budget
 * ({@link SignedBody}); only a signed delivery is stored, and the answer (202) comes once it is committed to disk,
 * before any call to GitHub. No thread waits for the commit: the answer is sent when it completes.
 */
@ApplicationScoped
public class WebhookRoute {

    static final String SIGNATURE = "X-Hub-Signature-256";
    static final String DELIVERY = "X-GitHub-Delivery";
    static final String EVENT = "X-GitHub-Event";
    /** Before Quarkus's security handlers (CORS at -300, authentication at -200) and the REST layer. */
    static final int ORDER = -1_000;

    private static final Logger LOG = Logger.getLogger(WebhookRoute.class);
    private static final Pattern DELIVERY_ID = Pattern.compile("[A-Za-z0-9-]{1,100}");
    private static final Pattern EVENT_NAME = Pattern.compile("[a-z0-9_]{1,60}");

    private final WebhookInbox inbox;
    private final WebhookConfig config;
    private final WebhookBudget budget;

    WebhookRoute(WebhookInbox inbox, WebhookConfig config, WebhookBudget budget) {
        this.inbox = inbox;
        this.config = config;
        this.budget = budget;
    }

    void install(@Observes Router router) {
        router.post(WebhookBodyLimit.PATH).order(ORDER).handler(this::receive);
    }

    void receive(RoutingContext routing) {
        HttpServerRequest request = routing.request();
        long declared;
        try {
            String length = request.getHeader("Content-Length");
            declared = length == null ? -1 : Long.parseLong(length.trim());
        } catch (NumberFormatException e) {
            WebhookAnswers.unread(request,
                    WebhookAnswers.problem(400, "Bad Request", "Content-Length is not a number"));
            return;
        }
        long limit = config.webhookMaxBody().asLongValue();
        if (declared > limit) {
            WebhookAnswers.unread(request, tooLarge());
            return;
        }
        Optional<byte[]> given = WebhookSignature.given(request.getHeader(SIGNATURE));
        if (config.webhookSecret().isEmpty()) {
            LOG.warn("A webhook delivery was refused: COVENANT_GITHUB_WEBHOOK_SECRET is not set");
            WebhookAnswers.unread(request, WebhookAnswers.unsigned());
            return;
        }
        if (given.isEmpty()) {
            WebhookAnswers.unread(request, WebhookAnswers.unsigned());
            return;
        }
        String deliveryId = request.getHeader(DELIVERY);
        if (deliveryId == null || !DELIVERY_ID.matcher(deliveryId).matches()) {
            WebhookAnswers.unread(request, WebhookAnswers.problem(400, "Bad Request",
                    "X-GitHub-Delivery is missing or malformed"));
            return;
        }
        String event = request.getHeader(EVENT);
        if (event == null || !EVENT_NAME.matcher(event).matches()) {
            WebhookAnswers.unread(request, WebhookAnswers.problem(400, "Bad Request",
                    "X-GitHub-Event is missing or malformed"));
            return;
        }
        if (!isJson(request.getHeader("Content-Type"))) {
            WebhookAnswers.unread(request, WebhookAnswers.problem(415, "Unsupported Media Type",
                    "Webhook deliveries must be sent as application/json"));
            return;
        }
        SignedBody body = SignedBody.start(declared, limit, budget, WebhookSignature.mac(config.webhookSecret().get()));
        if (body.outcome() != null) {
            refuse(request, body);
            return;
        }
        Context context = Vertx.currentContext();
        request.handler(piece -> {
            if (body.outcome() == null && !body.accept(piece.getBytes(), 0, piece.length())) {
                refuse(request, body);
            }
        });
        request.exceptionHandler(broken -> body.close());
        request.endHandler(end -> {
            if (body.outcome() != null) {
                return; // refused while it arrived, and answered then
            }
            switch (body.finish(given.get())) {
                case SIGNED -> store(context, request, deliveryId, event, body);
                case FORGED -> {
                    body.close();
                    WebhookAnswers.send(request, WebhookAnswers.unsigned());
                }
                default -> {
                    body.close();
                    WebhookAnswers.send(request, WebhookAnswers.problem(400, "Bad Request",
                            "The body broke off before its end"));
                }
            }
        });
        request.resume();
    }

    private void refuse(HttpServerRequest request, SignedBody body) {
        SignedBody.Outcome outcome = body.outcome();
        body.close();
        if (outcome == SignedBody.Outcome.TOO_LARGE) {
            WebhookAnswers.unread(request, tooLarge());
        } else {
            WebhookAnswers.unread(request, WebhookAnswers.problem(503, "Service Unavailable",
                    "Too many webhook bytes are being received at once; retry later")
                    .retryAfter(config.webhookRetryAfter().toSeconds()));
        }
    }

    private WebhookAnswers.Answer tooLarge() {
        return WebhookAnswers.problem(413, "Content Too Large",
                "The request body is larger than " + BodyLimitFilter.size(config.webhookMaxBody().asLongValue()));
    }

    private void store(Context context, HttpServerRequest request, String deliveryId, String event,
            SignedBody body) {
        byte[] bytes = body.bytes();
        CompletionStage<WebhookInbox.Received> stored;
        if (bytes.length <= WebhookBudget.SMALL) {
            stored = inbox.receiveLater(deliveryId, event, bytes);
        } else {
            // A large payload is parsed away from the I/O thread, which other connections share.
            stored = context.owner().<CompletionStage<WebhookInbox.Received>>executeBlocking(
                    () -> inbox.receiveLater(deliveryId, event, bytes), false).toCompletionStage()
                    .thenCompose(later -> later);
        }
        stored.whenComplete((received, failure) -> context.runOnContext(ignored -> {
            body.close();
            WebhookAnswers.send(request, WebhookAnswers.stored(deliveryId, received, failure));
        }));
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int parameters = contentType.indexOf(';');
        String type = (parameters < 0 ? contentType : contentType.substring(0, parameters)).trim();
        return type.toLowerCase(Locale.ROOT).equals("application/json");
    }
}
