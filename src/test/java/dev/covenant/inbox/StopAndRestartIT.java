package dev.covenant.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.covenant.ItDatabase;
import dev.covenant.ServiceProcess;
import dev.covenant.embedded.EmbeddedDatabase;
import dev.covenant.github.FakeAppFixture;
import dev.covenant.github.FakeCommit;
import dev.covenant.github.FakeEmail;
import dev.covenant.github.FakeGitHub;
import dev.covenant.github.FakeHold;
import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeWebhooks;

/**
 * The packaged service with its embedded PostgreSQL, stopped as a supervisor stops it and killed as a crash does.
 * SIGTERM while a delivery is in progress: the delivery is given back to the inbox, the database stops last (no lost
 * connection in the log) and nothing is left running. SIGKILL of the JVM alone leaves its PostgreSQL running; the
 * next start stops that orphan cleanly and comes up at once, with one server on the data directory.
 */
class StopAndRestartIT {

    private static final String SECRET = "stop-webhook-secret";
    private static final String ADMIN = "stop-admin-token";
    private static final long APP_ID = 626262;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Test
    void sigtermGivesBackWhatItHoldsAndAKilledServiceStartsAgainByItself() throws Exception {
        Path jar = ServiceProcess.jar();
        Path logs = Files.createDirectories(Path.of("target", "it").toAbsolutePath());
        Path dataDir = Files.createTempDirectory("covenant-stop-");
        try (FakeGitHub github = FakeGitHub.start()) {
            KeyPair keys = FakeAppFixture.keys();
            github.registerApp(APP_ID, keys.getPublic());
            Map<String, String> env = new HashMap<>(Map.of("COVENANT_ADMIN_TOKEN", ADMIN,
                    "COVENANT_GITHUB_API_URL", github.apiUrl(), "COVENANT_GITHUB_WEB_URL", github.webUrl(),
                    "COVENANT_GITHUB_APP_ID", Long.toString(APP_ID),
                    "COVENANT_GITHUB_APP_PRIVATE_KEY", FakeAppFixture.pkcs8Pem(keys),
                    "COVENANT_GITHUB_WEBHOOK_SECRET", SECRET, "COVENANT_WORKER_SHUTDOWN_GRACE", "PT2S"));
            github.addInstallation(71, "stopping");
            FakeRepo repo = github.addRepository(71, "stopping/widget", 71);
            github.addUser(7_100_071, "stopper", "Stopper", List.of(FakeEmail.primaryVerified("s@example.org")));
            repo.openPullRequest(1, "stopper", List.of(FakeCommit.by("Stopper", "s@example.org", "Change")));
            String delivery = UUID.randomUUID().toString();

            ServiceProcess first = ServiceProcess.startIn(dataDir, jar, logs.resolve("stop-sigterm.log"), env);
            FakeHold hold;
            try {
                send(first, "/api/projects", "Bearer " + ADMIN,
                        "{\"owner\":\"stopping\",\"repo\":\"widget\",\"agreement\":\"individual\"}", 201);
                hold = github.holdNext("GET", "/repos/stopping/widget/pulls/1/commits.*");
                deliver(first, delivery, FakeWebhooks.pullRequest(repo, "opened", 1));
                hold.awaitHeld();
                assertEquals(143, first.terminate(Duration.ofSeconds(60)), "the exit code of a SIGTERM stop");
            } finally {
                first.close();
            }
            hold.release();
            List<String> log = first.logLines();
            assertTrue(log.stream().anyMatch(l -> l.contains("1 deliveries still in progress were given back")),
                    first.tail());
            assertEquals(List.of(), log.stream().filter(l -> l.contains(" ERROR ") || l.contains("lost its database")
                    || l.contains("Connection refused") || l.contains("terminating connection")
                    || l.contains("has been closed")).toList());
            assertEquals(List.of(), first.embeddedServers(), "the embedded PostgreSQL stopped with the service");
            try (EmbeddedDatabase database = EmbeddedDatabase.start(dataDir)) {
                assertEquals("PENDING/true", ItDatabase.text(database,
                        "SELECT state || '/' || (lease_until IS NULL) FROM delivery WHERE delivery_id = ?", delivery),
                        "the delivery in progress was given back, due at once");
            }

            ServiceProcess second = ServiceProcess.startIn(dataDir, jar, logs.resolve("stop-kill.log"), env);
            List<ProcessHandle> servers = second.embeddedServers();
            second.kill();
            assertEquals(1, servers.size());
            assertTrue(servers.get(0).isAlive(), "the embedded PostgreSQL outlives a SIGKILL of the JVM");
            try (ServiceProcess third = ServiceProcess.startIn(dataDir, jar, logs.resolve("stop-restart.log"),
                    env)) {
                assertTrue(third.logLines().stream().anyMatch(l -> l.contains("is still running on")), third.tail());
                assertTrue(!servers.get(0).isAlive(), "the orphan was stopped");
                assertEquals(1, third.embeddedServers().size(), "one PostgreSQL on the data directory");
                // The start waited for the orphan's fast shutdown, not for PostgreSQL's 60 s start-up timeout.
                assertTrue(third.startupMillis() < 45_000, "restarted in " + third.startupMillis() + " ms");
                send(third, "/q/health/ready", null, null, 200);
            }
        } finally {
            String pgdata = dataDir.toString();
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(pgdata)).orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
            try (var paths = Files.walk(dataDir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }

    private static void deliver(ServiceProcess service, String id, String payload) throws Exception {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(service.url("/github/webhook")))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "pull_request")
                .header("X-GitHub-Delivery", id).header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode(), answer.body());
    }

    private static void send(ServiceProcess service, String path, String authorization, String json, int status)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url(path)));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        if (json != null) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json));
        }
        HttpResponse<String> answer = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(status, answer.statusCode(), answer.body());
    }
}
