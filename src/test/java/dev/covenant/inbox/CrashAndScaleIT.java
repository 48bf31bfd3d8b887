package dev.covenant.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.covenant.Await;
import dev.covenant.ItDatabase;
import dev.covenant.ServiceProcess;
import dev.covenant.embedded.EmbeddedDatabase;
import dev.covenant.github.FakeAppFixture;
import dev.covenant.github.FakeCheckRun;
import dev.covenant.github.FakeCommit;
import dev.covenant.github.FakeEmail;
import dev.covenant.github.FakeGitHub;
import dev.covenant.github.FakeHold;
import dev.covenant.github.FakePullRequest;
import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeWebhooks;

/**
 * The packaged service as it runs in production, against the fake GitHub: killed with SIGKILL in the middle of a
 * delivery it had answered, it finishes the delivery after a restart; two instances on one database process every
 * delivery once, even when GitHub delivers each to both.
 */
class CrashAndScaleIT {

    private static final String SECRET = "it-webhook-secret";
    private static final String ADMIN = "it-admin-token";
    private static final long APP_ID = 515151;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static FakeGitHub github;
    private static EmbeddedDatabase database;
    private static Map<String, String> env;
    private static Path logs;
    private static long ids = 100;

    @BeforeAll
    static void start() throws IOException {
        github = FakeGitHub.start();
        KeyPair keys = FakeAppFixture.keys();
        github.registerApp(APP_ID, keys.getPublic());
        logs = Files.createDirectories(Path.of("target", "it").toAbsolutePath());
        database = EmbeddedDatabase.start(Files.createTempDirectory("covenant-it-db-"));
        env = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                "QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER,
                "COVENANT_ADMIN_TOKEN", ADMIN,
                "COVENANT_GITHUB_API_URL", github.apiUrl(),
                "COVENANT_GITHUB_WEB_URL", github.webUrl(),
                "COVENANT_GITHUB_APP_ID", Long.toString(APP_ID),
                "COVENANT_GITHUB_APP_PRIVATE_KEY", FakeAppFixture.pkcs8Pem(keys),
                "COVENANT_GITHUB_WEBHOOK_SECRET", SECRET,
                // A crashed worker's claim runs out quickly, so the test need not wait two minutes.
                "COVENANT_WORKER_LEASE", "PT3S",
                "COVENANT_WORKER_POLL_INTERVAL", "PT0.5S"));
        // The same for its hold on the pull request it was evaluating.
        env.put("COVENANT_CHECKS_EVALUATION_LEASE", "PT3S");
    }

    @AfterAll
    static void stop() throws IOException {
        github.close();
        database.close();
    }

    /** A fresh installation with one repository linked to the shipped agreement, and one unsigned author. */
    private static FakeRepo repository(ServiceProcess service) throws Exception {
        long id = ++ids;
        github.addInstallation(id, "crash" + id);
        FakeRepo repo = github.addRepository(id, "crash" + id + "/widget", id);
        github.addUser(7_700_000 + id, "author" + id, "Author " + id,
                List.of(FakeEmail.primaryVerified("author" + id + "@example.org")));
        HttpResponse<String> linked = HTTP.send(HttpRequest.newBuilder(URI.create(service.url("/api/projects")))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers
                        .ofString("{\"owner\":\"crash" + id + "\",\"repo\":\"widget\",\"agreement\":\"individual\"}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(201, linked.statusCode(), linked.body());
        return repo;
    }

    private static FakePullRequest pullRequest(FakeRepo repo, int number) {
        String login = "author" + repo.installationId();
        return repo.openPullRequest(number, login,
                List.of(FakeCommit.by("Author", login + "@example.org", "Change " + number)));
    }

    private static void deliver(ServiceProcess service, String id, String payload) throws Exception {
        byte[] body = payload.getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(service.url("/github/webhook")))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "pull_request")
                .header("X-GitHub-Delivery", id).header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode(), answer.body());
    }

    private static boolean completed(FakeRepo repo, String sha) {
        return repo.checkRuns(sha).stream().anyMatch(r -> "completed".equals(r.status()));
    }

    @Test
    void aDeliveryInterruptedBySigkillIsFinishedAfterRestart() throws Exception {
        Path jar = ServiceProcess.jar();
        ServiceProcess first = ServiceProcess.start(jar, logs.resolve("crash-before.log"), env);
        FakeRepo repo = repository(first);
        FakePullRequest pr = pullRequest(repo, 1);
        FakeHold hold = github.holdNext("GET", "/repos/" + repo.fullName() + "/pulls/1/commits");
        String delivery = UUID.randomUUID().toString();
        deliver(first, delivery, FakeWebhooks.pullRequest(repo, "opened", 1));
        // The worker has answered nothing back yet: it created the in-progress check run and waits for the commits.
        hold.awaitHeld();
        first.kill();
        first.close();
        hold.release();
        assertEquals("PROCESSING",
                ItDatabase.text(database, "SELECT state FROM delivery WHERE delivery_id = ?", delivery));

        // The dead instance's short lease lets the restarted one take the delivery over; the restarted one holds its
        // own claim for longer, so a slow first evaluation in a cold JVM is not taken over a third time.
        Map<String, String> patient = new HashMap<>(env);
        patient.put("COVENANT_WORKER_LEASE", "PT2M");
        try (ServiceProcess second = ServiceProcess.start(jar, logs.resolve("crash-after.log"), patient)) {
            Await.until("the check after the restart", Duration.ofSeconds(60), () -> completed(repo, pr.headSha()));
            Await.until("the delivery to be done", Duration.ofSeconds(10),
                    () -> "DONE".equals(uncheckedQuery("SELECT state FROM delivery WHERE delivery_id = ?", delivery)));
        }
        assertEquals("2", ItDatabase.text(database, "SELECT attempts FROM delivery WHERE delivery_id = ?", delivery));
        List<FakeCheckRun> runs = repo.checkRuns(pr.headSha());
        assertEquals(1, runs.size(), "the check run of the first attempt is reused: " + runs);
        assertEquals("failure", runs.get(0).conclusion());
        assertEquals(1, repo.comments(1).size());
    }

    @Test
    void twoInstancesOnOneDatabaseProcessEachDeliveryOnce() throws Exception {
        Path jar = ServiceProcess.jar();
        // Leases long enough that no claim runs out on a busy machine: each delivery is then taken exactly once.
        Map<String, String> patient = new HashMap<>(env);
        patient.put("COVENANT_WORKER_LEASE", "PT2M");
        try (ServiceProcess a = ServiceProcess.start(jar, logs.resolve("instance-a.log"), patient);
                ServiceProcess b = ServiceProcess.start(jar, logs.resolve("instance-b.log"), patient)) {
            FakeRepo repo = repository(a);
            List<FakePullRequest> prs = new ArrayList<>();
            List<String> deliveries = new ArrayList<>();
            for (int n = 1; n <= 20; n++) {
                prs.add(pullRequest(repo, n));
                String id = UUID.randomUUID().toString();
                deliveries.add(id);
                String payload = FakeWebhooks.pullRequest(repo, "opened", n);
                // GitHub's redelivery of the same delivery lands on the other instance.
                deliver(n % 2 == 0 ? a : b, id, payload);
                deliver(n % 2 == 0 ? b : a, id, payload);
            }
            for (FakePullRequest pr : prs) {
                Await.until("the check of #" + pr.number(), Duration.ofSeconds(90),
                        () -> completed(repo, pr.headSha()));
            }
            Await.until("every delivery done", Duration.ofSeconds(20), () -> "20".equals(uncheckedQuery(
                    "SELECT count(*) FROM delivery WHERE state = 'DONE' AND delivery_id = ANY (?)",
                    (Object) deliveries.toArray(String[]::new))));
            assertEquals("20",
                    ItDatabase.text(database,
                            "SELECT count(*) FROM delivery WHERE attempts = 1 AND delivery_id = ANY (?)",
                            (Object) deliveries.toArray(String[]::new)),
                    "each delivery was taken once");
            for (FakePullRequest pr : prs) {
                assertEquals(1, repo.checkRuns(pr.headSha()).size(), "one check run on #" + pr.number());
                assertEquals(1, repo.comments(pr.number()).size(), "one comment on #" + pr.number());
            }
            long creates = github.requests().stream()
                    .filter(r -> r.method().equals("POST")
                            && r.path().endsWith("/repos/" + repo.fullName() + "/check-runs"))
                    .count();
            assertEquals(20, creates);
            assertEquals(0, a.logErrors(), "errors in the first instance's log");
            assertEquals(0, b.logErrors(), "errors in the second instance's log");
        }
    }

    private static String uncheckedQuery(String sql, Object... args) {
        try {
            return ItDatabase.text(database, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
