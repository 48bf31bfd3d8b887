package dev.covenant.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

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
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.covenant.ServiceProcess;

/**
 * A benchmark, not a test: the surviving lines of a generated repository ({@link GeneratedRepository}: 1,500 files,
 * 3,000 commits by eight authors, renames, moved blocks, re-indenting) by the packaged service's blame job, timed
 * from the request to DONE, against {@code git blame -w -M} run over every file one after the other, as a maintainer
 * would in a shell loop. The loop runs before and after the service's blames, and the service is compared with the
 * faster of the two; once more at the end, for reference, with the commit-graph the service writes into its clone.
 * Cases: the service with its default engine (the system's git, files across the cores) and with
 * JGit ({@code COVENANT_RELICENSING_BLAME_GIT=none}). Target: the default case at most the time of git's loop
 * (ratio &le; 1.0).
 *
 * <p>Run with {@code ./mvnw -B -Pbench verify -Dit.test=BlameBenchmark}; results in {@code target/bench/blame.txt}.
 * Knobs: {@code bench.blameFiles} (1500), {@code bench.blameCommits} (3000), {@code bench.blameEngines} (the values
 * of {@code blame-git} to run, {@code git,none}).
 */
class BlameBenchmark {

    private static final String TOKEN = "bench-admin-token-" + Long.toHexString(System.nanoTime());
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The {@code blame-git} setting of the JGit case, which is not held to the target. */
    private static final String JGIT = "none";

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(20)).build();

    @Test
    void blamesEveryFileAtLeastAsFastAsGitBlame() throws Exception {
        Path out = BenchReport.out();
        String loadBefore = BenchReport.loadAverage();
        int fileCount = Integer.getInteger("bench.blameFiles", 1500);
        int commitCount = Integer.getInteger("bench.blameCommits", 3000);
        Path root = Files.createTempDirectory("covenant-bench-blame-");
        long generating = System.nanoTime();
        GeneratedRepository.Generated repo = GeneratedRepository.generate(root.resolve("widget.git"), fileCount,
                commitCount);
        long generated = System.nanoTime() - generating;
        String head = git(repo.dir(), "rev-parse", "HEAD").strip();
        List<String> paths = List.of(git(repo.dir(), "ls-tree", "-r", "--name-only", head).split("\n"));
        assertEquals(repo.files(), paths.size());

        BenchReport report = new BenchReport("Covenant blame benchmark (./mvnw -B -Pbench verify"
                + " -Dit.test=BlameBenchmark)");
        report.put("repository", String.format(Locale.ROOT, "%d files, %d commits, %d non-blank lines at HEAD,"
                + " generated in %s", repo.files(), repo.commits(), repo.nonBlankLines(), seconds(generated)));
        long gitBefore = gitBlameLoop(repo.dir(), head, paths);
        Map<String, Long> covenant = new java.util.LinkedHashMap<>();
        Map<String, String> engines = new HashMap<>();
        for (String engine : System.getProperty("bench.blameEngines", "git,none").split(",")) {
            JsonNode job = blameWithService(out, root, repo, engine.strip(), covenant);
            engines.put(engine.strip(), job.path("engine").asText());
        }
        long gitAfter = gitBlameLoop(repo.dir(), head, paths);
        long gitBest = Math.min(gitBefore, gitAfter);
        // For reference only: the same loop once the repository has what the service writes into its clone.
        git(repo.dir(), "commit-graph", "write", "--reachable", "--changed-paths");
        long gitWithGraph = gitBlameLoop(repo.dir(), head, paths);
        report.machine(loadBefore);
        report.put("git blame -w -M, every file in turn (before, after)",
                seconds(gitBefore) + ", " + seconds(gitAfter) + " (" + git(repo.dir(), "--version").strip() + ")");
        report.put("git blame -w -M, every file in turn, with the commit-graph (reference)", seconds(gitWithGraph)
                + " (git commit-graph write --reachable --changed-paths, as the service does in its clone)");
        List<String> problems = new ArrayList<>();
        covenant.forEach((engine, nanos) -> {
            double ratio = nanos / (double) gitBest;
            boolean target = !engine.equals(JGIT);
            report.put("case blame-git=" + engine + " (" + engines.get(engine) + ")", String.format(Locale.ROOT,
                    "Covenant %s, git %s, ratio %.2f%s", seconds(nanos), seconds(gitBest), ratio, target
                            ? " (target <= 1.0: " + (ratio <= 1.0 ? "met" : "MISSED") + ")"
                            : " (no target: JGit where no git is installed)"));
            BenchRatios.record("blame", paths.size() + " files, surviving lines (engine " + engine + ")",
                    nanos / 1e9, gitBest / 1e9, "s", BenchRatios.Goal.AT_MOST, target ? 1.0 : Double.NaN,
                    "git blame -w -M, every file in turn",
                    target ? engines.get(engine) : "JGit where no git is installed: no target");
            if (target && ratio > 1.0) {
                problems.add(String.format(Locale.ROOT, "blame-git=%s took %.2f times git's loop", engine, ratio));
            }
        });
        System.out.println(report);
        Files.writeString(out.resolve("blame.txt"), report.toString());
        try (var files = Files.walk(root)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
        if (!problems.isEmpty()) {
            fail("The blame benchmark missed its target:\n  " + String.join("\n  ", problems));
        }
    }

    private JsonNode blameWithService(Path out, Path root, GeneratedRepository.Generated repo, String engine,
            Map<String, Long> times) throws Exception {
        Map<String, String> env = Map.of("COVENANT_ADMIN_TOKEN", TOKEN,
                "COVENANT_RELICENSING_LOCAL_CLONE_ROOTS", root.toString(),
                "COVENANT_RELICENSING_WORK_DIR", Files.createTempDirectory("covenant-bench-blame-work-").toString(),
                "COVENANT_RELICENSING_BLAME_GIT", engine,
                "COVENANT_GITHUB_API_URL", "http://127.0.0.1:" + ServiceProcess.freePort(),
                "COVENANT_GITHUB_WEB_URL", "http://127.0.0.1:" + ServiceProcess.freePort());
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jar(),
                out.resolve("blame-service-" + engine + ".log"), env)) {
            String path = "/api/repos/bench/widget-" + engine + "/relicensing/blame";
            long started = System.nanoTime();
            JsonNode job = send(service, "POST", path,
                    HttpRequest.BodyPublishers.ofString("{\"cloneUrl\":\"" + repo.dir().toUri() + "\"}"), 202);
            while (job.path("state").asText().matches("QUEUED|RUNNING")) {
                Thread.sleep(50);
                job = send(service, "GET", path + "/" + job.path("id").asText(), HttpRequest.BodyPublishers.noBody(),
                        200);
            }
            long took = System.nanoTime() - started;
            assertEquals("DONE", job.path("state").asText(), job.toString());
            assertEquals(repo.files(), job.path("filesDone").asLong(), job.toString());
            assertEquals(repo.nonBlankLines(), job.path("lines").asLong(), "every non-blank line is someone's");
            assertEquals(0, service.logErrors(), service.tail());
            times.put(engine, took);
            return job;
        }
    }

    /** {@code git blame -w -M <head> -- <path>} for every path in turn, its output thrown away; the nanoseconds. */
    private static long gitBlameLoop(Path repo, String head, List<String> paths) throws Exception {
        long started = System.nanoTime();
        for (String path : paths) {
            Process process = new ProcessBuilder("git", "blame", "-w", "-M", head, "--", path).directory(repo.toFile())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            assertEquals(0, process.waitFor(), "git blame " + path);
        }
        return System.nanoTime() - started;
    }

    private static String git(Path repo, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
        return output;
    }

    private JsonNode send(ServiceProcess service, String method, String path, HttpRequest.BodyPublisher body,
            int expected) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofMinutes(5))
                .header("Authorization", "Bearer " + TOKEN).header("Accept", "application/json")
                .header("Content-Type", "application/json").method(method, body).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(method + " " + path + " answered " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
