package dev.covenant.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.BiConsumer;

import dev.covenant.ServiceProcess;
import dev.covenant.github.FakeCheckRun;
import dev.covenant.github.FakeRepo;
import dev.covenant.inbox.WebhookSignature;

/** What the benchmarks that drive pull requests share: a signed delivery, and a watch on the check runs written. */
final class BenchWebhooks {

    private BenchWebhooks() {
    }

    /** Delivers a signed {@code pull_request} event under a new delivery id and expects the 202. */
    static void deliver(HttpClient http, ServiceProcess service, String secret, String payload) throws Exception {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(service.url("/github/webhook")))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "pull_request")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", WebhookSignature.sign(secret, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(202, answer.statusCode());
    }

    /**
     * Polls the repository's check runs every millisecond and tells {@code completed} of every completed one, with
     * when it was seen ({@link System#nanoTime}); runs until interrupted.
     */
    static Thread watch(FakeRepo repo, BiConsumer<FakeCheckRun, Long> completed) {
        Thread thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                long now = System.nanoTime();
                for (FakeCheckRun run : repo.checkRuns()) {
                    if ("completed".equals(run.status())) {
                        completed.accept(run, now);
                    }
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "check-run-watcher");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }
}
