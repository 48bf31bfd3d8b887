package dev.covenant.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import dev.covenant.Await;
import dev.covenant.ServiceProcess;
import dev.covenant.github.FakeAppFixture;
import dev.covenant.github.FakeCheckRun;
import dev.covenant.github.FakeCommit;
import dev.covenant.github.FakeEmail;
import dev.covenant.github.FakeGitHub;
import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeWebhooks;
import dev.covenant.inbox.StormTraffic.Delivery;

/**
 * Two packaged instances started at the same moment on one fresh database ({@link StormDatabase}: the PostgreSQL
 * server in CI) take a storm of signed {@code pull_request} deliveries, split between them, a fifth sent again to
 * the other one with the same delivery id. Some authors signed before, one signs in the middle of the storm, the
 * others never do. One instance is killed with SIGKILL mid-storm; what it answered 202 is finished by the survivor
 * once its leases run out, and what it did not answer is sent to the survivor, as GitHub redelivers. In the end, on
 * the fake GitHub and in the database: one completed check run per head with the right conclusion, at most one
 * comment per pull request, nothing in progress, within the bounds below.
 */
class TwoInstanceStormIT {

    private static final String SECRET = "storm-webhook-secret";
    private static final String ADMIN = "storm-admin-token";
    private static final long APP_ID = 616161;
    private static final long INSTALLATION = 61_000;
    private static final String OWNER = "storm-org";
    private static final int PULL_REQUESTS = Integer.getInteger("storm.pullRequests", 200);
    private static final int SENDERS = 8;
    /** Authors 0 and 1 signed before the storm, 2 signs in the middle of it, 3 to 5 never do. */
    private static final int AUTHORS = 6;
    private static final int LATE_SIGNER = 2;
    /** The leases of deliveries, evaluations and jobs: how long a dead instance's work waits. */
    private static final Duration LEASE = Duration.ofSeconds(8);
    /** From the kill until every delivery that was in progress then is done. */
    private static final Duration RECOVERY_BOUND = LEASE.plusSeconds(30);
    /** From the storm's last answer until every check is complete and nothing waits in the inbox or the jobs. */
    private static final Duration SETTLE_BOUND = Duration.ofSeconds(90);
    /** Each instance's connection pool: two of them on a server that others use too. */
    private static final int POOL = 20;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aStormSplitAcrossTwoInstancesSurvivesTheKillOfOne() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "it").toAbsolutePath());
        try (FakeGitHub github = FakeGitHub.start(); StormDatabase database = StormDatabase.create("covenant_storm")) {
            KeyPair keys = FakeAppFixture.keys();
            github.registerApp(APP_ID, keys.getPublic());
            List<ServiceProcess> both = startTogether(environment(github, keys, database, "a"),
                    environment(github, keys, database, "b"), logs);
            try (ServiceProcess a = both.get(0);
                    ServiceProcess b = both.get(1);
                    ConnectionPeaks connections = new ConnectionPeaks(database)) {
                storm(github, database, a, b, connections);
            }
        }
    }

    private static void storm(FakeGitHub github, StormDatabase database, ServiceProcess a, ServiceProcess b,
            ConnectionPeaks connections) throws Exception {
        github.addInstallation(INSTALLATION, OWNER);
        FakeRepo repo = github.addRepository(INSTALLATION + 1, OWNER + "/widget", INSTALLATION);
        for (int i = 0; i < AUTHORS; i++) {
            github.addUser(userId(i), login(i), "Author " + i, List.of(FakeEmail.primaryVerified(email(i))));
        }
        assertEquals(201, admin(a, "/api/projects", "application/json",
                "{\"owner\":\"" + OWNER + "\",\"repo\":\"widget\",\"agreement\":\"individual\"}").statusCode());
        String version = JSON.readTree(HTTP.send(HttpRequest.newBuilder(URI.create(a.url(
                "/api/agreements/individual/versions/latest"))).header("Authorization", "Bearer " + ADMIN).build(),
                HttpResponse.BodyHandlers.ofString()).body()).get("version").asText();
        importSignatures(b, version, List.of(0, 1), Instant.parse("2020-01-01T00:00:00Z"));

        List<Delivery> deliveries = plan(repo);
        Map<Integer, String> finalHeads = new HashMap<>();
        for (int n = 1; n <= PULL_REQUESTS; n++) {
            finalHeads.put(n, repo.pullRequest(n).headSha());
        }
        StormTraffic traffic = new StormTraffic(SECRET);
        int signAt = deliveries.size() * 2 / 5;
        int killAt = deliveries.size() * 11 / 20;
        // The balancer keeps sending the dead instance its share until its health check fails.
        int noticedAt = killAt + 20;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch signed = new CountDownLatch(1);
        CompletableFuture<Recovery> recovery = new CompletableFuture<>();
        ExecutorService senders = Executors.newFixedThreadPool(SENDERS);
        long started = System.nanoTime();
        List<Future<?>> work = new ArrayList<>();
        for (int s = 0; s < SENDERS; s++) {
            work.add(senders.submit(() -> {
                for (int i = next.getAndIncrement(); i < deliveries.size(); i = next.getAndIncrement()) {
                    if (i == signAt) {
                        // Mid-storm, once some of the late signer's pull requests have failed: those turn green.
                        Await.until("three of the late signer's pull requests to fail first", Duration.ofSeconds(90),
                                () -> failed(repo, LATE_SIGNER) >= 3);
                        importSignatures(a, version, List.of(LATE_SIGNER), Instant.now().minusSeconds(1));
                        signed.countDown();
                    }
                    if (i == killAt) {
                        // Not under the signature's own request, and while the instance is at work.
                        assertTrue(signed.await(120, TimeUnit.SECONDS), "the signature landed");
                        Await.until("the first instance to evaluate pull requests", Duration.ofSeconds(90),
                                () -> evaluations(a) >= 5);
                        a.kill();
                        recovery.completeAsync(() -> recovered(database, evaluations(a)));
                    }
                    boolean toA = i % 2 == 0 && i < noticedAt;
                    traffic.send(toA ? a : b, toA ? "a" : "b", deliveries.get(i));
                    if (i % 5 == 0) {
                        // GitHub's redelivery of the same delivery, to the other instance.
                        boolean againToA = !toA && i < noticedAt;
                        traffic.send(againToA ? a : b, againToA ? "a" : "b", deliveries.get(i));
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : work) {
            w.get(5, TimeUnit.MINUTES);
        }
        senders.shutdown();
        List<Delivery> resent = traffic.takeUnanswered();
        for (Delivery d : resent) {
            assertTrue(traffic.send(b, "b", d), "the survivor accepts what the dead instance did not answer");
        }
        long stormEnded = System.nanoTime();
        assertEquals(List.of(), traffic.refusals(), "deliveries a live instance refused");
        assertEquals(deliveries.size(), traffic.acknowledged().size(), "every delivery answered 202 once at least");
        assertTrue(resent.size() > 0, "deliveries posted to the dead instance were sent again to the survivor");

        String unsettled = Await.until("the storm to settle", SETTLE_BOUND,
                () -> unsettled(database, repo, finalHeads), String::isEmpty);
        long settled = System.nanoTime();
        Recovery recovered = recovery.get(RECOVERY_BOUND.toSeconds(), TimeUnit.SECONDS);

        assertEquals("", unsettled);
        assertOneCheckRunPerHead(repo, finalHeads);
        assertComments(repo);
        assertEquals(deliveries.size(), database.count("SELECT count(*) FROM delivery WHERE state = 'DONE'"),
                "every delivery done, none failed or dead");
        assertEquals(0, database.count("SELECT count(*) FROM job WHERE state = 'FAILED'"), "no job failed");
        long acknowledgedByA = traffic.acknowledged().values().stream().filter(v -> v.contains("a")).count();
        assertEquals(0, b.logErrors(), "errors in the survivor's log: " + b.log());

        double seconds = (settled - started) / 1e9;
        System.out.printf("Two-instance storm on %s: started together in %d and %d ms; %d pull requests, %d"
                + " deliveries (%d posts answered 202, %d by the instance killed after %d evaluations, %d sent again"
                + " to the survivor); %d deliveries in progress at the kill were done %.1f s after it (lease %d s);"
                + " sending took %.1f s, everything settled %.1f s after the last one: %.1f deliveries/s"
                + " processed end to end; most connections held at once: %s (pool of %d each)%n", database.describe(),
                a.startupMillis(), b.startupMillis(),
                PULL_REQUESTS, deliveries.size(), traffic.accepted(), acknowledgedByA, recovered.evaluations(),
                resent.size(), recovered.held(), recovered.after().toMillis() / 1e3, LEASE.toSeconds(),
                (stormEnded - started) / 1e9, (settled - stormEnded) / 1e9, deliveries.size() / seconds,
                connections.peaks(), POOL);
    }

    /** What the kill left: how many evaluations the instance had logged, and the deliveries it held. */
    private record Recovery(long evaluations, int held, Duration after) {
    }

    /** The pull requests and their deliveries: one {@code opened} each, a {@code synchronize} for every fifth. */
    private static List<Delivery> plan(FakeRepo repo) {
        List<Delivery> opened = new ArrayList<>();
        for (int n = 1; n <= PULL_REQUESTS; n++) {
            int author = n % AUTHORS;
            repo.openPullRequest(n, login(author),
                    List.of(FakeCommit.by("Author " + author, email(author), "Change " + n)));
            opened.add(new Delivery(UUID.randomUUID().toString(), "pull_request", n,
                    FakeWebhooks.pullRequest(repo, "opened", n)));
        }
        List<Delivery> all = new ArrayList<>();
        for (Delivery d : opened) {
            all.add(d);
            // A push some thirty pull requests later: its opened delivery may still wait, or be under way.
            int pushed = d.number() - 30;
            if (pushed > 0 && pushed % 5 == 0) {
                int author = pushed % AUTHORS;
                repo.push(pushed, List.of(FakeCommit.by("Author " + author, email(author), "Fix " + pushed)));
                all.add(new Delivery(UUID.randomUUID().toString(), "pull_request", pushed,
                        FakeWebhooks.pullRequest(repo, "synchronize", pushed)));
            }
        }
        return all;
    }

    /** What is not finished yet, in words; empty when everything is. */
    private static String unsettled(StormDatabase database, FakeRepo repo, Map<Integer, String> finalHeads) {
        long incomplete = finalHeads.values().stream()
                .filter(sha -> repo.checkRuns(sha).stream().noneMatch(r -> "completed".equals(r.status())))
                .count();
        List<String> runnings = repo.checkRuns().stream().filter(r -> !"completed".equals(r.status()))
                .map(r -> r.externalId() + " on " + r.headSha()
                        + (finalHeads.containsValue(r.headSha()) ? "" : " (pushed over)"))
                .sorted().toList();
        long running = runnings.size();
        List<String> wrongs = finalHeads.entrySet().stream().flatMap(e -> repo.checkRuns(e.getValue()).stream()
                .filter(r -> !expected(e.getKey()).equals(r.conclusion()))
                .map(r -> "#" + e.getKey() + " " + r.conclusion())).sorted().toList();
        long wrong = wrongs.size();
        long inbox = database.count("SELECT count(*) FROM delivery WHERE state <> 'DONE'");
        long jobs = database.count("SELECT count(*) FROM job WHERE state = 'RUNNING'"
                + " OR (state = 'QUEUED' AND run_after <= now())");
        if (incomplete + running + wrong + inbox + jobs == 0) {
            return "";
        }
        return incomplete + " heads without a completed check run, " + running + " check runs not completed " + runnings
                + ", "
                + wrong + " heads with another conclusion than expected " + wrongs + ", " + inbox
                + " deliveries not done, " + jobs
                + " jobs due or running";
    }

    /** Waits for the deliveries in progress at the kill to be done, and says how long after the kill that was. */
    private static Recovery recovered(StormDatabase database, long evaluations) {
        long kill = System.nanoTime();
        String ids = database.text("SELECT string_agg(delivery_id, ',') FROM delivery WHERE state = 'PROCESSING'");
        String[] held = ids == null ? new String[0] : ids.split(",");
        Await.until(held.length + " deliveries in progress at the kill to be done", RECOVERY_BOUND,
                () -> database.count("SELECT count(*) FROM delivery WHERE state <> 'DONE' AND delivery_id = ANY (?)",
                        (Object) held) == 0);
        return new Recovery(evaluations, held.length, Duration.ofNanos(System.nanoTime() - kill));
    }

    /** How many pull requests of {@code author} have a check run that completed as a failure. */
    private static long failed(FakeRepo repo, int author) {
        return repo.checkRuns().stream().filter(r -> "failure".equals(r.conclusion()))
                .filter(r -> repo.pullRequest(number(r)).authorLogin().equals(login(author))).count();
    }

    private static int number(FakeCheckRun run) {
        return Integer.parseInt(run.externalId().substring("pull_request:".length()));
    }

    /** How many evaluations the instance has logged. */
    private static long evaluations(ServiceProcess service) {
        return service.logLines().stream().filter(l -> l.contains("PullRequestCheck")).count();
    }

    private static void assertOneCheckRunPerHead(FakeRepo repo, Map<Integer, String> finalHeads) {
        for (Map.Entry<Integer, String> head : finalHeads.entrySet()) {
            List<FakeCheckRun> runs = repo.checkRuns(head.getValue());
            assertEquals(1, runs.size(), "check runs on #" + head.getKey() + "'s head: " + runs);
            assertEquals("completed", runs.get(0).status());
            assertEquals(expected(head.getKey()), runs.get(0).conclusion(), "#" + head.getKey());
        }
        // A head pushed over may have been evaluated or skipped, never twice, never left in progress.
        Map<String, Long> perHead = new HashMap<>();
        repo.checkRuns().forEach(r -> perHead.merge(r.headSha(), 1L, Long::sum));
        perHead.forEach((sha, runs) -> assertEquals(1L, runs, "check runs on " + sha));
    }

    private static void assertComments(FakeRepo repo) {
        for (int n = 1; n <= PULL_REQUESTS; n++) {
            int comments = repo.comments(n).size();
            int author = n % AUTHORS;
            if (author > LATE_SIGNER) {
                assertEquals(1, comments, "one comment on #" + n + ", whose author never signs");
            } else if (author < LATE_SIGNER) {
                assertEquals(0, comments, "no comment on #" + n + ", whose author signed before");
            } else {
                assertTrue(comments <= 1, comments + " comments on #" + n);
            }
        }
    }

    private static String expected(int number) {
        return number % AUTHORS <= LATE_SIGNER ? "success" : "failure";
    }

    /** Signatures of the {@code authors} as CLA Assistant Lite's file records them, through the admin API. */
    private static void importSignatures(ServiceProcess service, String version, List<Integer> authors, Instant at)
            throws Exception {
        ObjectNode file = JSON.createObjectNode();
        var list = file.putArray("signedContributors");
        for (int author : authors) {
            list.addObject().put("name", login(author)).put("id", userId(author))
                    .put("comment_id", 700_000 + author).put("created_at", at.toString())
                    .put("repoId", INSTALLATION + 1).put("pullRequestNo", 1);
        }
        HttpResponse<String> answer = admin(service, "/api/agreements/individual/versions/" + version
                + "/signatures/import", "application/json", file.toString());
        assertEquals(200, answer.statusCode(), answer.body());
        assertEquals(authors.size(), JSON.readTree(answer.body()).get("added").asInt(), answer.body());
    }

    private static HttpResponse<String> admin(ServiceProcess service, String path, String type, String body)
            throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(service.url(path)))
                .header("Authorization", "Bearer " + ADMIN).header("Content-Type", type)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> environment(FakeGitHub github, KeyPair keys, StormDatabase database,
            String name) {
        Map<String, String> env = new HashMap<>();
        // Named, so that ConnectionPeaks tells the instances' connections apart.
        env.put("QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl() + "?ApplicationName=covenant-" + name);
        env.put("QUARKUS_DATASOURCE_USERNAME", database.user());
        env.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", Integer.toString(POOL));
        env.put("COVENANT_ADMIN_TOKEN", ADMIN);
        env.put("COVENANT_GITHUB_API_URL", github.apiUrl());
        env.put("COVENANT_GITHUB_WEB_URL", github.webUrl());
        env.put("COVENANT_GITHUB_APP_ID", Long.toString(APP_ID));
        env.put("COVENANT_GITHUB_APP_PRIVATE_KEY", FakeAppFixture.pkcs8Pem(keys));
        env.put("COVENANT_GITHUB_WEBHOOK_SECRET", SECRET);
        env.put("COVENANT_WORKER_LEASE", iso(LEASE));
        env.put("COVENANT_WORKER_POLL_INTERVAL", "PT1S");
        env.put("COVENANT_CHECKS_EVALUATION_LEASE", iso(LEASE));
        env.put("COVENANT_JOBS_LEASE", iso(LEASE));
        env.put("COVENANT_JOBS_HEARTBEAT", "PT2S");
        env.put("COVENANT_JOBS_POLL_INTERVAL", "PT1S");
        return env;
    }

    /** Both instances started at the same moment, as a rolling deploy starts pods. */
    private static List<ServiceProcess> startTogether(Map<String, String> envA, Map<String, String> envB, Path logs)
            throws Exception {
        Map<Path, Map<String, String>> envs = new LinkedHashMap<>();
        envs.put(logs.resolve("storm-a.log"), envA);
        envs.put(logs.resolve("storm-b.log"), envB);
        return ServiceProcess.startTogether(envs);
    }

    private static String iso(Duration d) {
        return d.toString();
    }

    private static long userId(int author) {
        return 6_100_000L + author;
    }

    private static String login(int author) {
        return "storm-author-" + author;
    }

    private static String email(int author) {
        return "storm-author-" + author + "@example.org";
    }
}
