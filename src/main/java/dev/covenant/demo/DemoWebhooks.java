package dev.covenant.demo;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.covenant.CovenantConfig;
import dev.covenant.inbox.WebhookConfig;

/**
 * Delivers the stand-in's webhooks as GitHub does: over HTTP to the service's own {@code /github/webhook}, signed
 * with the webhook secret ({@code X-Hub-Signature-256}), so that the real endpoint, inbox and worker take them.
 */
@ApplicationScoped
public class DemoWebhooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CovenantConfig config;
    private final WebhookConfig webhooks;
    private final DemoGitHubJson json;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
            .version(HttpClient.Version.HTTP_1_1).build();

    DemoWebhooks(CovenantConfig config, WebhookConfig webhooks, DemoGitHubJson json) {
        this.config = config;
        this.webhooks = webhooks;
        this.json = json;
    }

    /** Announces a new pull request: {@code pull_request} {@code opened}. */
    public void opened(DemoGitHub.PullRequest pr) {
        ObjectNode payload = JSON.createObjectNode();
        payload.put("action", "opened");
        payload.put("number", pr.number());
        payload.set("pull_request", json.pullRequestJson(pr));
        payload.putPOJO("repository", json.repository());
        payload.putPOJO("installation", java.util.Map.of("id", DemoGitHub.INSTALLATION_ID));
        payload.putPOJO("sender", java.util.Map.of("login", pr.author(), "id", DemoPeople.idOf(pr.author()),
                "type", "User"));
        deliver("pull_request", payload);
    }

    private void deliver(String event, ObjectNode payload) {
        byte[] body;
        try {
            body = JSON.writeValueAsBytes(payload);
        } catch (IOException e) {
            throw new IllegalStateException("The demo webhook cannot be written as JSON", e);
        }
        String secret = webhooks.webhookSecret()
                .orElseThrow(() -> new IllegalStateException("demo mode has no webhook secret"));
        HttpRequest request = HttpRequest.newBuilder(URI.create(config.publicUrl() + "/github/webhook"))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .header("User-Agent", "GitHub-Hookshot/covenant-demo")
                .header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-GitHub-Hook-ID", "1")
                .header("X-Hub-Signature-256", "sha256=" + hmac(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("The service answered " + response.statusCode()
                        + " to the demo's " + event + " webhook: " + response.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("The demo's " + event + " webhook could not be delivered to "
                    + config.publicUrl() + " (is COVENANT_PUBLIC_URL this service's address?): " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while delivering the demo's webhook", e);
        }
    }

    static String hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this JVM", e);
        }
    }
}
