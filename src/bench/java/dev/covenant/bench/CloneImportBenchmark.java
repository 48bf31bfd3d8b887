package dev.covenant.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.BufferedReader;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.covenant.ServiceProcess;

/**
 * A benchmark, not a test: the clone import against what a maintainer does by hand. A bare repository of 35,000
 * commits is generated ({@link SyntheticRepository}); then, back to back and {@code bench.rounds} times, (a) by hand:
 * {@code git clone --bare file://...} and the documented {@code git log --parents --numstat --no-renames
 * --use-mailmap} into a file, and (b) the packaged service's import of the same {@code file://} URL, from the POST to
 * DONE. The service may clone from the generated repository's directory because it is given as
 * {@code COVENANT_RELICENSING_LOCAL_CLONE_ROOTS}, the documented setting for local clone URLs. The import must count
 * git's commits and git's lines added. Target: the import takes at most 1.5 times the hand-made way.
 *
 * <p>Run with {@code ./mvnw -B -Pbench verify -Dit.test=CloneImportBenchmark}; results in
 * {@code target/bench/clone-import.txt}. Knobs: {@code bench.cloneCommits} ({@code 35000}), {@code bench.rounds}
 * ({@code 2}).
 */
class CloneImportBenchmark {

    private static final String TOKEN = "bench-admin-token-" + Long.toHexString(System.nanoTime());
    private static final double TARGET = 1.5;
    private static final String FORMAT = "format:commit %H %P%nAuthor:     %aN <%aE>%nAuthorRaw:  %an <%ae>%n"
            + "AuthorDate: %ad%nCommit:     %cN <%cE>%nCommitDate: %cd%n%n%w(0,4,4)%B";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();

    @Test
    void importsACloneAboutAsFastAsGit() throws Exception {
        Path out = BenchReport.out();
        String loadBefore = BenchReport.loadAverage();
        int commits = Integer.getInteger("bench.cloneCommits", 35_000);
        int rounds = Integer.getInteger("bench.rounds", 2);
        Path root = Files.createTempDirectory("clone-bench-");
        BenchReport report = new BenchReport("Covenant clone-import benchmark (./mvnw -B -Pbench verify"
                + " -Dit.test=CloneImportBenchmark)");
        List<String> problems = new ArrayList<>();
        try {
            long generating = System.nanoTime();
            Path origin = SyntheticRepository.create(root.resolve("origin.git"), commits);
            String url = origin.toUri().toString();
            report.put("repository", commits + " commits (git fast-import, " + seconds(System.nanoTime() - generating)
                    + "), " + url);
            try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jar(), out.resolve("clone-service.log"),
                    Map.of("COVENANT_ADMIN_TOKEN", TOKEN,
                            "COVENANT_RELICENSING_LOCAL_CLONE_ROOTS", root.toString(),
                            "COVENANT_GITHUB_API_URL", "http://127.0.0.1:" + ServiceProcess.freePort(),
                            "COVENANT_GITHUB_WEB_URL", "http://127.0.0.1:" + ServiceProcess.freePort()))) {
                report.machine(loadBefore).put("service", service.describe());
                send(service, "POST", "/api/projects", "{\"owner\":\"bench\",\"agreement\":\"individual\","
                        + "\"licenses\":[{\"from\":\"2000-01-01\",\"spdx\":\"MIT\"}]}", 201);
                report.put("case", "Covenant s | git by hand s | ratio | target");
                double covenantTotal = 0;
                double gitTotal = 0;
                for (int round = 1; round <= rounds; round++) {
                    GitByHand byHand = byHand(root, url, round);
                    Imported imported = imported(service, url, "clone-" + commits + "-" + round);
                    assertEquals(byHand.commits, imported.commits, "commits, the import's against git's");
                    assertEquals(byHand.linesAdded, imported.linesAdded, "lines added, the import's against git's");
                    covenantTotal += imported.seconds;
                    gitTotal += byHand.seconds;
                    report.put("round " + round + ": " + commits + " commits, " + imported.tools,
                            String.format(Locale.ROOT, "%.2f | %.2f (clone %.2f + log %.2f) | %.2f | <= %.1f",
                                    imported.seconds, byHand.seconds, byHand.cloneSeconds,
                                    byHand.seconds - byHand.cloneSeconds, imported.seconds / byHand.seconds, TARGET));
                }
                double ratio = covenantTotal / gitTotal;
                BenchRatios.record("clone import", String.format(Locale.ROOT, "%,d commits, clone and import", commits),
                        covenantTotal / rounds, gitTotal / rounds, "s", BenchRatios.Goal.AT_MOST, TARGET,
                        "git clone --bare + git log --numstat --no-renames", rounds + " rounds, mean");
                report.put("all rounds", String.format(Locale.ROOT, "%.2f | %.2f | %.2f | <= %.1f: %s",
                        covenantTotal / rounds, gitTotal / rounds, ratio, TARGET, ratio <= TARGET ? "met" : "MISSED"));
                report.put("load average after", BenchReport.loadAverage());
                report.put("service log ERROR lines", String.valueOf(service.logErrors()));
                if (ratio > TARGET) {
                    problems.add(String.format(Locale.ROOT, "the clone import took %.2f times git's time", ratio));
                }
            }
        } finally {
            delete(root);
        }
        System.out.println(report);
        Files.writeString(out.resolve("clone-import.txt"), report.toString());
        if (!problems.isEmpty()) {
            fail("The clone-import benchmark missed its target:\n  " + String.join("\n  ", problems));
        }
    }

    private record GitByHand(double seconds, double cloneSeconds, long commits, long linesAdded) {
    }

    private record Imported(double seconds, long commits, long linesAdded, String tools) {
    }

    /** What a maintainer runs; the output is counted after the clock stops. */
    private static GitByHand byHand(Path root, String url, int round) throws IOException, InterruptedException {
        Path clone = root.resolve("by-hand-" + round + ".git");
        Path history = root.resolve("history-" + round + ".txt");
        long started = System.nanoTime();
        git(null, "clone", "--bare", "--quiet", url, clone.toString());
        long cloned = System.nanoTime();
        git(history, "--git-dir=" + clone, "log", "--parents", "--numstat", "--no-renames", "--use-mailmap",
                "--pretty=" + FORMAT, "HEAD");
        long logged = System.nanoTime();
        long commits = 0;
        long linesAdded = 0;
        try (BufferedReader lines = Files.newBufferedReader(history, StandardCharsets.UTF_8)) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.startsWith("commit ")) {
                    commits++;
                } else if (!line.isEmpty() && Character.isDigit(line.charAt(0)) && line.indexOf('\t') > 0) {
                    linesAdded += Long.parseLong(line.substring(0, line.indexOf('\t')));
                }
            }
        }
        delete(clone);
        Files.delete(history);
        return new GitByHand((logged - started) / 1e9, (cloned - started) / 1e9, commits, linesAdded);
    }

    private Imported imported(ServiceProcess service, String url, String name) throws Exception {
        String repo = "/api/repos/bench/" + name;
        long started = System.nanoTime();
        JsonNode job = send(service, "POST", repo + "/history", JSON.writeValueAsString(Map.of("cloneUrl", url)), 202);
        String id = job.path("id").asText();
        while (!job.path("state").asText().equals("DONE") && !job.path("state").asText().equals("FAILED")) {
            Thread.sleep(100);
            job = send(service, "GET", repo + "/history/" + id, null, 200);
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertEquals("DONE", job.path("state").asText(), job.toString());
        JsonNode totals = send(service, "GET", repo + "/relicensing?to=Apache-2.0", null, 200).path("totals");
        // The report credits no one with a merge that adds no line (as git rev-list --no-merges counts).
        assertEquals(job.path("commitsAdded").asLong(),
                totals.path("commits").asLong() + totals.path("mergesLeftOut").asLong());
        return new Imported(seconds, job.path("commitsAdded").asLong(), totals.path("linesAdded").asLong(),
                "cloned by " + job.path("clonedBy").asText() + ", lines by " + job.path("numstat").asText());
    }

    private static void git(Path output, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT)
                .redirectOutput(output == null
                        ? ProcessBuilder.Redirect.DISCARD
                        : ProcessBuilder.Redirect.to(
                                output.toFile()));
        Process p = builder.start();
        if (!p.waitFor(30, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    private JsonNode send(ServiceProcess service, String method, String path, String json, int expected)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(service.url(path)))
                .timeout(Duration.ofMinutes(5)).header("Authorization", "Bearer " + TOKEN)
                .header("Accept", "application/json")
                .method(method, json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(
                    method + " " + path + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.1f s", nanos / 1e9);
    }

    private static void delete(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
