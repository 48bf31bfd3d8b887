package dev.covenant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.covenant.embedded.EmbeddedDatabase;
import dev.covenant.github.FakeAppFixture;
import dev.covenant.github.FakeCheckRun;
import dev.covenant.github.FakeCommit;
import dev.covenant.github.FakeEmail;
import dev.covenant.github.FakeGitHub;
import dev.covenant.github.FakePullRequest;
import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeWebhooks;
import dev.covenant.inbox.WebhookSignature;

/**
 * The packaged service behind a real PgBouncer in transaction mode, as managed PostgreSQL is usually reached: with
 * {@code COVENANT_DATABASE_POOLER=transaction}, two instances started together migrate one fresh database once,
 * turn signed webhooks into check runs, finish a job, and take new work within the polling bound; without the
 * setting, the service refuses to start before it migrates anything, naming the setting.
 */
class TransactionPoolerIT {

    private static final String SECRET = "it-pooler-secret";
    private static final String ADMIN = "it-pooler-admin";
    private static final long APP_ID = 626262;
    /** The pooler's poll interval the service is given (its default). */
    private static final Duration POLL = Duration.ofSeconds(1);
    /**
     * What taking new work may add to the poll interval on a busy 2-core machine: the claim, and for a webhook the
     * installation token and the check run's creation. Well under the 5 s the workers poll at otherwise.
     */
    private static final Duration SLACK = Duration.ofMillis(2500);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakeGitHub github;
    private static KeyPair keys;
    private static EmbeddedDatabase server;
    private static PgBouncer bouncer;
    private static Path logs;

    @BeforeAll
    static void start() throws Exception {
        PgBouncer.binary(); // Skips (or fails under CI) before anything starts when PgBouncer is missing.
        logs = Files.createDirectories(Path.of("target", "it").toAbsolutePath());
        server = EmbeddedDatabase.start(Files.createTempDirectory("covenant-it-pooler-"));
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), EmbeddedDatabase.USER, "")) {
            c.createStatement().execute("CREATE DATABASE pooled");
            c.createStatement().execute("CREATE DATABASE refused");
        }
        // Fewer server connections than the two instances' pools hold clients: PgBouncer must share them.
        bouncer = PgBouncer.start(server.port(), List.of("pooled", "refused"), 6, logs.resolve("pgbouncer.log"));
        System.out.println("TransactionPoolerIT: " + PgBouncer.version());
        github = FakeGitHub.start();
        keys = FakeAppFixture.keys();
        github.registerApp(APP_ID, keys.getPublic());
    }

    @AfterAll
    static void stop() throws Exception {
        if (github != null) {
            github.close();
        }
        if (bouncer != null) {
            bouncer.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private static Map<String, String> env(String database) {
        Map<String, String> env = new HashMap<>(Map.of(
                "QUARKUS_DATASOURCE_JDBC_URL", bouncer.jdbcUrl(database),
                "QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER,
                "COVENANT_ADMIN_TOKEN", ADMIN,
                "COVENANT_GITHUB_API_URL", github.apiUrl(),
                "COVENANT_GITHUB_WEB_URL", github.webUrl(),
                "COVENANT_GITHUB_APP_ID", Long.toString(APP_ID),
                "COVENANT_GITHUB_APP_PRIVATE_KEY", FakeAppFixture.pkcs8Pem(keys),
                "COVENANT_GITHUB_WEBHOOK_SECRET", SECRET));
        return env;
    }

    @Test
    void withoutTheSettingTheServiceRefusesToStartBeforeMigratingAndNamesIt() throws Exception {
        Path log = logs.resolve("pooler-refused.log");
        AssertionError exited = assertThrows(AssertionError.class,
                () -> ServiceProcess.start(ServiceProcess.jar(), log, env("refused")).close());
        assertTrue(exited.getMessage().contains("exited with"), exited.getMessage());
        String text = Files.readString(log);
        assertTrue(text.contains("connection pooler in transaction mode"), text);
        assertTrue(text.contains("Set COVENANT_DATABASE_POOLER=transaction"), text);
        assertFalse(text.contains("prepared statement \"S_"), "refused before any statement failed:\n" + text);
        assertNull(text(server, "refused", "SELECT to_regclass('flyway_schema_history')::text"),
                "nothing was migrated");
    }

    @Test
    void withTheSettingTwoInstancesMigrateOnceCheckPullRequestsAndRunJobsWithinThePollInterval() throws Exception {
        Map<String, String> env = env("pooled");
        env.put("COVENANT_DATABASE_POOLER", "transaction");
        env.put("COVENANT_DATABASE_POOLER_POLL_INTERVAL", POLL.toString());
        List<ServiceProcess> both = startTogether(env);
        try (ServiceProcess a = both.get(0); ServiceProcess b = both.get(1)) {
            long migrations;
            try (var files = Files.list(Path.of("db", "migration"))) {
                migrations = files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
            }
            assertEquals(Long.toString(migrations), text(server, "pooled",
                    "SELECT count(DISTINCT version) FROM flyway_schema_history WHERE success"));
            assertEquals(Long.toString(migrations), text(server, "pooled",
                    "SELECT count(*) FROM flyway_schema_history WHERE version IS NOT NULL"), "each migration once");

            FakeRepo repo = repository(a);
            // The first evaluation of each instance warms its JVM up; the wake-ups are timed after.
            checked(repo, 1, a);
            checked(repo, 2, b);
            long slowest = 0;
            for (int n = 3; n <= 8; n++) {
                Thread.sleep(ThreadLocalRandom.current().nextLong(POLL.toMillis()));
                slowest = Math.max(slowest, checked(repo, n, n % 2 == 0 ? a : b));
            }
            assertTrue(slowest <= POLL.plus(SLACK).toMillis(), "the slowest webhook waited " + slowest
                    + " ms to be taken; through the pooler the workers poll every " + POLL);

            JsonNode job = importHistory(b, repo.fullName());
            Duration waited = Duration.between(Instant.parse(job.get("createdAt").asText()),
                    Instant.parse(job.get("startedAt").asText()));
            assertTrue(waited.compareTo(POLL.plus(SLACK)) <= 0, "the import waited " + waited + " to be taken");
            System.out.printf("TransactionPoolerIT: slowest webhook taken after %d ms, import taken after %d ms%n",
                    slowest, waited.toMillis());
            assertEquals("DONE", job.path("state").asText(), job.toString());
            assertEquals(8, job.path("commitsDone").asLong(), "the fixture's eight commits: " + job);

            for (ServiceProcess service : both) {
                assertEquals(0, service.logErrors(), "errors in " + service.log() + ":\n" + service.tail());
                assertTrue(service.logLines().stream().anyMatch(l -> l.contains("poll every " + POLL)),
                        service.tail());
                assertTrue(service.logLines().stream().noneMatch(l -> l.contains("prepared statement \"S_")),
                        service.tail());
            }
        }
    }

    /**
     * Sends #{@code number}'s opened webhook to {@code service} and waits for its check; returns the milliseconds
     * from the webhook's answer to the check run's creation.
     */
    private static long checked(FakeRepo repo, int number, ServiceProcess service) throws Exception {
        String login = "author" + repo.installationId();
        FakePullRequest pr = repo.openPullRequest(number, login,
                List.of(FakeCommit.by("Author", login + "@example.org", "Change " + number)));
        byte[] body = FakeWebhooks.pullRequest(repo, "opened", number).getBytes(StandardCharsets.UTF_8);
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(service.url("/github/webhook")))
                .header("Content-Type", "application/json").header("X-GitHub-Event", "pull_request")
                .header("X-GitHub-Delivery", UUID.randomUUID().toString())
                .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode(), answer.body());
        long accepted = System.nanoTime();
        // Taken: the worker's first act is the in-progress check run; the evaluation after it is not a wake-up.
        Await.until("a worker to take #" + number, Duration.ofSeconds(60), () -> !repo.checkRuns(pr.headSha())
                .isEmpty());
        long millis = (System.nanoTime() - accepted) / 1_000_000;
        Await.until("the check of #" + number, Duration.ofSeconds(60), () -> repo.checkRuns(pr.headSha()).stream()
                .anyMatch(r -> "completed".equals(r.status())));
        List<FakeCheckRun> runs = repo.checkRuns(pr.headSha());
        assertEquals(1, runs.size(), "one check run on #" + number + ": " + runs);
        assertEquals("failure", runs.get(0).conclusion(), "the author has not signed");
        Await.until("the comment on #" + number, Duration.ofSeconds(10), () -> repo.comments(number).size() == 1);
        return millis;
    }

    /** A fresh installation with one repository linked to the shipped agreement and one unsigned author. */
    private static FakeRepo repository(ServiceProcess service) throws Exception {
        long id = 4242;
        github.addInstallation(id, "pooled");
        FakeRepo repo = github.addRepository(id, "pooled/widget", id);
        github.addUser(8_800_000 + id, "author" + id, "Author " + id,
                List.of(FakeEmail.primaryVerified("author" + id + "@example.org")));
        HttpResponse<String> linked = api(service, "/api/projects", HttpRequest.BodyPublishers
                .ofString("{\"owner\":\"pooled\",\"repo\":\"widget\",\"agreement\":\"individual\"}"),
                "application/json");
        assertEquals(201, linked.statusCode(), linked.body());
        return repo;
    }

    /** Uploads a history without waiting (a job the instance's runner takes) and waits for it to finish. */
    private static JsonNode importHistory(ServiceProcess service, String repository) throws Exception {
        byte[] history = Files.readAllBytes(Path.of("src", "test", "resources", "relicensing", "git-log.txt"));
        HttpResponse<String> queued = api(service, "/api/repos/" + repository + "/history",
                HttpRequest.BodyPublishers.ofByteArray(history), "text/plain");
        assertEquals(202, queued.statusCode(), queued.body());
        long id = JSON.readTree(queued.body()).get("id").asLong();
        return Await.until("the import", Duration.ofSeconds(60), () -> {
            try {
                HttpResponse<String> got = HTTP.send(HttpRequest.newBuilder(URI.create(service.url(
                        "/api/repos/" + repository + "/history/" + id))).header("Authorization", "Bearer " + ADMIN)
                        .build(), HttpResponse.BodyHandlers.ofString());
                return JSON.readTree(got.body());
            } catch (IOException e) {
                throw new IllegalStateException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, job -> "DONE".equals(job.path("state").asText()) || "FAILED".equals(job.path("state").asText()));
    }

    private static HttpResponse<String> api(ServiceProcess service, String path, HttpRequest.BodyPublisher body,
            String type) throws Exception {
        return HTTP
                .send(HttpRequest.newBuilder(URI.create(service.url(path))).header("Authorization", "Bearer " + ADMIN)
                        .header("Content-Type", type).POST(body).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static List<ServiceProcess> startTogether(Map<String, String> env) throws Exception {
        Map<Path, Map<String, String>> envs = new LinkedHashMap<>();
        for (String name : List.of("a", "b")) {
            envs.put(logs.resolve("pooler-" + name + ".log"), env);
        }
        return ServiceProcess.startTogether(envs);
    }

    /** The first column of the first row in {@code database} of the server, directly (not through PgBouncer). */
    private static String text(EmbeddedDatabase on, String database, String sql) throws SQLException {
        String url = "jdbc:postgresql://127.0.0.1:" + on.port() + "/" + database;
        try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
                ResultSet rows = c.createStatement().executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }
}
