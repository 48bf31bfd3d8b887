package dev.covenant.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.covenant.ServiceProcess;
import dev.covenant.github.FakeAppFixture;
import dev.covenant.github.FakeCommit;
import dev.covenant.github.FakeEmail;
import dev.covenant.github.FakeGitHub;
import dev.covenant.github.FakePullRequest;
import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeWebhooks;

/**
 * A benchmark, not a test: how long from a {@code pull_request} delivery to the check run written on the fake
 * GitHub, and how many GitHub calls each event costs, against the packaged service with its embedded database.
 * First pull requests one at a time (the latency a contributor sees), then a burst of them opened at once (how fast
 * the workers drain a backlog).
 *
 * <p>Run with {@code ./mvnw -B -Pbench verify -Dit.test=PullRequestCheckBenchmark}; results in {@code
 * target/bench/pull-requests.txt}. Knobs: {@code bench.sequential} (50), {@code bench.burst} (200), {@code
 * bench.commits} (5 per pull request).
 */
class PullRequestCheckBenchmark {

    private static final String SECRET = "bench-webhook-secret";
    private static final String ADMIN = "bench-admin-token";
    private static final long APP_ID = 606060;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final Map<String, Long> completedAt = new ConcurrentHashMap<>();

    @Test
    void deliveryToCheckRun() throws Exception {
        int sequential = Integer.getInteger("bench.sequential", 50);
        int burst = Integer.getInteger("bench.burst", 200);
        int commits = Integer.getInteger("bench.commits", 5);
        Path out = BenchReport.out();
        try (FakeGitHub github = FakeGitHub.start()) {
            KeyPair keys = FakeAppFixture.keys();
            github.registerApp(APP_ID, keys.getPublic());
            github.addInstallation(1, "bench");
            FakeRepo repo = github.addRepository(1, "bench/widget", 1);
            github.addUser(900_001, "contributor", "A Contributor",
                    List.of(FakeEmail.primaryVerified("contributor@example.org")));
            Map<String, String> env = Map.of(
                    "COVENANT_ADMIN_TOKEN", ADMIN,
                    "COVENANT_GITHUB_API_URL", github.apiUrl(),
                    "COVENANT_GITHUB_WEB_URL", github.webUrl(),
                    "COVENANT_GITHUB_APP_ID", Long.toString(APP_ID),
                    "COVENANT_GITHUB_APP_PRIVATE_KEY", FakeAppFixture.pkcs8Pem(keys),
                    "COVENANT_GITHUB_WEBHOOK_SECRET", SECRET);
            try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jar(),
                    out.resolve("pull-requests-service.log"), env)) {
                HttpResponse<String> linked = HTTP.send(HttpRequest.newBuilder(URI.create(service.url("/api/projects")))
                        .header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"owner\":\"bench\",\"agreement\":\"individual\"}"))
                        .build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(201, linked.statusCode(), linked.body());
                Thread watcher = BenchWebhooks.watch(repo, (run, at) -> completedAt.putIfAbsent(run.headSha(), at));
                // Warm-up: the first evaluations load classes and mint the installation token.
                List<Long> warm = run(service, repo, 1, 10, commits, 1);
                List<Long> one = run(service, repo, 11, sequential, commits, 1);
                int before = github.requests().size();
                long started = System.nanoTime();
                List<Long> many = run(service, repo, 11 + sequential, burst, commits, 32);
                double seconds = (System.nanoTime() - started) / 1e9;
                long calls = github.requests().stream().skip(before)
                        .filter(r -> r.path().contains("/repos/bench/widget/")).count();
                watcher.interrupt();
                String report = String.format(Locale.ROOT, """
                        Pull-request checks, delivery to check run written (%s)
                        %d commits per pull request, one unsigned author: check run created, commits read, check
                        completed, comment posted (the heaviest ordinary path).

                        one at a time (%d pull requests, after %d warm-up):
                          latency ms  p50 %d  p95 %d  max %d
                        burst (%d pull requests, 32 clients each delivering one and waiting for its check):
                          all written in %.1f s (%.1f evaluations/s)
                          latency ms  p50 %d  p95 %d  p99 %d  max %d  (mostly queueing: 32 in flight / the rate)
                          GitHub API calls per pull-request event: %.2f
                        """, service.describe(), commits, sequential, warm.size(), pct(one, 50), pct(one, 95),
                        pct(one, 100),
                        burst, seconds, burst / seconds, pct(many, 50), pct(many, 95), pct(many, 99), pct(many, 100),
                        (double) calls / burst);
                Files.writeString(out.resolve("pull-requests.txt"), report);
                System.out.println(report);
                assertEquals(0, service.logErrors(), "errors in the service's log: " + service.log());
            }
        }
    }

    /** Opens {@code count} pull requests from {@code first} on, delivers their events, waits for every check. */
    private List<Long> run(ServiceProcess service, FakeRepo repo, int first, int count, int commits, int clients)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<Long>> latencies = new ArrayList<>();
        for (int n = first; n < first + count; n++) {
            List<FakeCommit> list = new ArrayList<>();
            for (int c = 0; c < commits; c++) {
                list.add(FakeCommit.by("A Contributor", "contributor@example.org", "Change " + n + "." + c));
            }
            FakePullRequest pr = repo.openPullRequest(n, "contributor", list);
            String payload = FakeWebhooks.pullRequest(repo, "opened", n);
            latencies.add(pool.submit(() -> {
                long sent = System.nanoTime();
                BenchWebhooks.deliver(HTTP, service, SECRET, payload);
                while (!completedAt.containsKey(pr.headSha())) {
                    Thread.sleep(2);
                }
                return TimeUnit.NANOSECONDS.toMillis(completedAt.get(pr.headSha()) - sent);
            }));
            if (clients == 1) {
                latencies.get(latencies.size() - 1).get();
            }
        }
        List<Long> result = new ArrayList<>();
        for (Future<Long> latency : latencies) {
            result.add(latency.get(10, TimeUnit.MINUTES));
        }
        pool.shutdown();
        Collections.sort(result);
        return result;
    }

    private static long pct(List<Long> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return 0;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }
}
