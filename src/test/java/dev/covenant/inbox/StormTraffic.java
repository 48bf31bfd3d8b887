package dev.covenant.inbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;

import dev.covenant.ServiceProcess;

/**
 * GitHub's side of {@link TwoInstanceStormIT}: signed deliveries posted to an instance, and what each was answered.
 * A delivery that got no 2xx (the instance died under it, or was dead already) is kept to be sent again, as GitHub
 * redelivers; anything else than 202 from a live instance is kept as a refusal.
 */
final class StormTraffic {

    /** One webhook delivery: its id, event and body; {@code number} is the pull request it is about. */
    record Delivery(String id, String event, int number, String payload) {
    }

    private final String secret;
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    private final Queue<Delivery> unanswered = new ConcurrentLinkedQueue<>();
    private final Queue<String> refusals = new ConcurrentLinkedQueue<>();
    private final AtomicLong posts = new AtomicLong();
    private final AtomicLong accepted = new AtomicLong();

    StormTraffic(String secret) {
        this.secret = secret;
    }

    /** Posts {@code delivery} to {@code service} (called {@code name}); true if it was answered 202. */
    boolean send(ServiceProcess service, String name, Delivery delivery) throws InterruptedException {
        byte[] body = delivery.payload().getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url("/github/webhook")))
                .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                .header("X-GitHub-Event", delivery.event()).header("X-GitHub-Delivery", delivery.id())
                .header("X-Hub-Signature-256", WebhookSignature.sign(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        posts.incrementAndGet();
        int status;
        String answer;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
            answer = response.body();
        } catch (IOException e) {
            unanswered.add(delivery);
            return false;
        }
        if (status == 202) {
            accepted.incrementAndGet();
            acknowledged.merge(delivery.id(), name, (a, b) -> a.contains(b) ? a : a + "+" + b);
            return true;
        }
        if (service.isAlive()) {
            refusals.add(delivery.id() + " to " + name + ": " + status + " " + answer);
        } else {
            unanswered.add(delivery);
        }
        return false;
    }

    /** The deliveries that got no answer, taken off the list: to be sent again. */
    List<Delivery> takeUnanswered() {
        List<Delivery> taken = new ArrayList<>();
        for (Delivery d = unanswered.poll(); d != null; d = unanswered.poll()) {
            taken.add(d);
        }
        return taken;
    }

    /** Delivery id to the instances that answered it 202 ("a", "b" or "a+b"). */
    Map<String, String> acknowledged() {
        return Map.copyOf(acknowledged);
    }

    List<String> refusals() {
        return List.copyOf(refusals);
    }

    long posts() {
        return posts.get();
    }

    long accepted() {
        return accepted.get();
    }
}
