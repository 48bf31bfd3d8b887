package dev.covenant.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.covenant.ServiceProcess;
import dev.covenant.embedded.EmbeddedDatabase;

/**
 * A 202 means the delivery is on disk. The packaged service with its embedded PostgreSQL takes a storm of signed
 * deliveries from concurrent clients and is killed with SIGKILL in the middle of it, several times: sometimes with
 * its database (a power cut, a container's end), sometimes the JVM alone (the database then outlives it, and the
 * next start must stop it first). After the last restart every delivery that was answered 202 is in the database.
 */
class AcknowledgedDeliveriesSurviveCrashIT {

    private static final String SECRET = "crash-webhook-secret";
    private static final int CLIENTS = 16;
    private static final int ROUNDS = 4;
    private static final String SAMPLE_HEAD_SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

    @Test
    void everyAcknowledgedDeliveryIsStoredAfterRepeatedKills() throws Exception {
        Path jar = ServiceProcess.jar();
        Path logs = Files.createDirectories(Path.of("target", "it").toAbsolutePath());
        Path dataDir = Files.createTempDirectory("covenant-crash-");
        String template = Files.readString(Path.of("webhooks/payloads/pull_request.opened.json"));
        assertTrue(template.contains(SAMPLE_HEAD_SHA), "the sample payload changed its head sha");
        // No worker: what is measured is the endpoint's promise, not the processing.
        Map<String, String> env = Map.of("COVENANT_GITHUB_WEBHOOK_SECRET", SECRET, "COVENANT_WORKER_ENABLED", "false");
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        AtomicLong refused = new AtomicLong();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        for (int round = 1; round <= ROUNDS; round++) {
            ServiceProcess service = ServiceProcess.startIn(dataDir, jar, logs.resolve("crash-storm-" + round + ".log"),
                    env);
            try {
                assertEquals(1, service.embeddedServers().size(), "one PostgreSQL on the data directory");
                AtomicBoolean storming = new AtomicBoolean(true);
                ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
                URI endpoint = URI.create(service.url("/github/webhook"));
                for (int c = 0; c < CLIENTS; c++) {
                    clients.submit(() -> storm(http, endpoint, template, storming, acknowledged, refused));
                }
                long before = acknowledged.size();
                // Mid-storm: once this run has acknowledged a good number, at a moment the clients do not know.
                long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
                while (acknowledged.size() - before < 1500 + 500L * round && System.nanoTime() < deadline) {
                    Thread.sleep(20);
                }
                if (round % 2 == 1) {
                    service.killWithDatabase();
                } else {
                    service.kill();
                }
                storming.set(false);
                clients.shutdown();
                assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS), "the clients stopped");
                assertTrue(acknowledged.size() - before >= 1000, "round " + round + " acknowledged only "
                        + (acknowledged.size() - before) + "; see " + service.log());
            } finally {
                service.kill();
            }
        }
        try (ServiceProcess last = ServiceProcess.startIn(dataDir, jar, logs.resolve("crash-storm-after.log"), env)) {
            assertEquals(1, last.embeddedServers().size(), "one PostgreSQL on the data directory");
            Set<String> stored = storedIds(last.databaseUrl());
            Set<String> lost = new HashSet<>(acknowledged);
            lost.removeAll(stored);
            assertEquals(0, lost.size(), "deliveries answered 202 but not in the database, of "
                    + acknowledged.size() + " acknowledged across " + ROUNDS + " kills, e.g. "
                    + lost.stream().limit(5).toList());
            System.out.printf("%d deliveries answered 202 across %d kills (%d refused), all %d stored%n",
                    acknowledged.size(), ROUNDS, refused.get(), acknowledged.size());
        } finally {
            // A PostgreSQL a failed round left behind goes with its data directory.
            String pgdata = dataDir.toString();
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(pgdata)).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
            deleteTree(dataDir);
        }
    }

    /** One client: signed deliveries, one after another, until the storm ends or the service is gone. */
    private static void storm(HttpClient http, URI endpoint, String template, AtomicBoolean storming,
            Set<String> acknowledged, AtomicLong refused) {
        while (storming.get()) {
            String id = UUID.randomUUID().toString();
            byte[] body = template.replace(SAMPLE_HEAD_SHA, sha(id)).getBytes(StandardCharsets.UTF_8);
            HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                    .header("Content-Type", "application/json").header("X-GitHub-Event", "pull_request")
                    .header("X-GitHub-Delivery", id).header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, body))
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
            try {
                HttpResponse<Void> answer = http.send(request, HttpResponse.BodyHandlers.discarding());
                if (answer.statusCode() == 202) {
                    acknowledged.add(id);
                } else {
                    refused.incrementAndGet();
                }
            } catch (IOException e) {
                // The service died under this request: not acknowledged, so GitHub would send it again.
                sleepQuietly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private static String sha(String id) {
        String hex = id.replace("-", "");
        return (hex + hex).substring(0, 40);
    }

    private static Set<String> storedIds(String jdbcUrl) throws Exception {
        Set<String> ids = new HashSet<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, EmbeddedDatabase.USER, "");
                Statement statement = c.createStatement();
                ResultSet rows = statement.executeQuery("SELECT delivery_id FROM delivery")) {
            while (rows.next()) {
                ids.add(rows.getString(1));
            }
        }
        return ids;
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
