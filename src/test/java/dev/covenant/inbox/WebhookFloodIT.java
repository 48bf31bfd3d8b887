package dev.covenant.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.covenant.ServiceProcess;

/**
 * The packaged service on a small heap under a flood of 24 MiB posts: 32 unsigned, 8 with a forged signature and 4
 * chunked forged ones, each repeated for the whole attack, while GitHub's signed deliveries keep coming. Every signed
 * delivery is accepted, no attacker gets a 2xx, the process stays up and never runs out of memory.
 */
class WebhookFloodIT {

    private static final String SECRET = "flood-webhook-secret";
    private static final int BIG = 24 << 20;
    private static final Duration ATTACK = Duration.ofSeconds(20);
    private static final Set<Integer> REFUSALS = Set.of(401, 413, 503);

    private static ServiceProcess service;

    @BeforeAll
    static void start() throws Exception {
        Path log = Files.createDirectories(Path.of("target", "it").toAbsolutePath()).resolve("webhook-flood.log");
        service = ServiceProcess.start(ServiceProcess.jar(), log,
                Map.of("COVENANT_GITHUB_WEBHOOK_SECRET", SECRET, "COVENANT_ADMIN_TOKEN", "flood-admin"),
                List.of("-Xmx192m", "-XX:+ExitOnOutOfMemoryError"));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.close();
        }
    }

    @Test
    void signedDeliveriesAreAcceptedThroughAFloodOfLargePosts() throws Exception {
        long end = System.nanoTime() + ATTACK.toNanos();
        Map<String, AtomicInteger> attackAnswers = new ConcurrentHashMap<>();
        ExecutorService attackers = Executors.newFixedThreadPool(44);
        List<Future<?>> attacks = new ArrayList<>();
        for (int i = 0; i < 44; i++) {
            String signature = i < 32 ? null : WebhookSignature.sign(SECRET, new byte[] {1});
            boolean chunked = i >= 40;
            attacks.add(attackers.submit(() -> attack(end, signature, chunked, attackAnswers)));
        }
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        List<String> refusedSigned = new ArrayList<>();
        int accepted = 0;
        long slowest = 0;
        for (int n = 0; System.nanoTime() < end; n++) {
            String id = "flood-" + n;
            String event = n % 2 == 0 ? "ping" : "star";
            byte[] body = ("{\"action\":\"created\",\"zen\":\"Keep it logically awesome.\",\"n\":" + n + "}")
                    .getBytes(StandardCharsets.UTF_8);
            long sent = System.nanoTime();
            HttpResponse<String> answer = client.send(HttpRequest.newBuilder(URI.create(service.url("/github/webhook")))
                    .timeout(Duration.ofSeconds(10)).header("Content-Type", "application/json")
                    .header("X-GitHub-Event", event).header("X-GitHub-Delivery", id)
                    .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            slowest = Math.max(slowest, System.nanoTime() - sent);
            if (answer.statusCode() / 100 == 2) {
                accepted++;
            } else {
                refusedSigned.add(id + ": " + answer.statusCode() + " " + answer.body());
            }
            Thread.sleep(20);
        }
        for (Future<?> attack : attacks) {
            attack.get();
        }
        attackers.shutdown();

        assertEquals(List.of(), refusedSigned, "signed deliveries refused during the flood");
        // GitHub waits 10 s for an answer; the machine running the test also makes the flood, so no faster bound.
        assertTrue(accepted >= 10, "only " + accepted + " signed deliveries were sent during the flood");
        assertTrue(slowest < Duration.ofSeconds(10).toNanos(), "a signed delivery took " + slowest / 1_000_000 + " ms");
        System.out.printf("Webhook flood: %d signed deliveries accepted, the slowest in %d ms; attackers: %s%n",
                accepted, slowest / 1_000_000, attackAnswers);
        assertTrue(service.isAlive(), "the service exited during the flood:\n" + service.tail());
        assertFalse(service.logLines().stream().anyMatch(l -> l.contains("OutOfMemoryError")), service.tail());
        attackAnswers.keySet().forEach(answer -> assertTrue(
                answer.equals("closed") || REFUSALS.contains(Integer.parseInt(answer)),
                "an attacker was answered " + answer + ": " + attackAnswers));
        assertTrue(attackAnswers.getOrDefault("401", new AtomicInteger()).get() > 0, attackAnswers.toString());
    }

    /** Posts 24 MiB bodies until {@code end}, counting how each was answered (or that the server hung up). */
    private static Void attack(long end, String signature, boolean chunked, Map<String, AtomicInteger> answers) {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        while (System.nanoTime() < end) {
            HttpRequest.BodyPublisher stream = HttpRequest.BodyPublishers.ofInputStream(Zeros::new);
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url("/github/webhook")))
                    .timeout(Duration.ofSeconds(30)).header("Content-Type", "application/json")
                    .header("X-GitHub-Event", "push").header("X-GitHub-Delivery", "attack")
                    .POST(chunked ? stream : HttpRequest.BodyPublishers.fromPublisher(stream, BIG));
            if (signature != null) {
                request.header("X-Hub-Signature-256", signature);
            }
            String answer;
            try {
                answer = Integer.toString(
                        client.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode());
            } catch (IOException e) {
                answer = "closed";
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            answers.computeIfAbsent(answer, a -> new AtomicInteger()).incrementAndGet();
        }
        return null;
    }

    /** 24 MiB of zeros, made as they are read. */
    private static final class Zeros extends InputStream {
        private int left = BIG;

        @Override
        public int read() {
            if (left == 0) {
                return -1;
            }
            left--;
            return '0';
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (left == 0) {
                return -1;
            }
            int n = Math.min(len, left);
            java.util.Arrays.fill(b, off, off + n, (byte) '0');
            left -= n;
            return n;
        }
    }
}
