package dev.covenant.relicensing.blame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.covenant.Await;
import dev.covenant.ItDatabase;
import dev.covenant.ServiceProcess;
import dev.covenant.embedded.EmbeddedDatabase;

/**
 * The packaged service killed with SIGKILL in the middle of a blame job: the job stays in PostgreSQL, and the next
 * instance on the database takes it over once its lease runs out, clones the repository again and finishes it.
 */
class BlameCrashIT {

    private static final String ADMIN = "it-admin-token";
    private static final int FILES = 1500;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static void git(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        assertEquals(0, process.waitFor(), String.join(" ", command) + ": " + output);
    }

    /** Two authors: the first writes every file, the second rewrites a line of each. */
    private static Path repository(Path root) throws IOException, InterruptedException {
        Path repo = Files.createDirectories(root.resolve("widget"));
        git(repo, "init", "-q", "-b", "main");
        for (int i = 0; i < FILES; i++) {
            Files.writeString(repo.resolve("file" + i + ".txt"), "one " + i + "\ntwo " + i + "\nthree " + i + "\n");
        }
        git(repo, "add", "-A");
        git(repo, "-c", "user.name=Ada", "-c", "user.email=ada@example.org", "commit", "-q", "-m", "Everything");
        for (int i = 0; i < FILES; i++) {
            Files.writeString(repo.resolve("file" + i + ".txt"), "one " + i + "\nTWO " + i + "\nthree " + i + "\n");
        }
        git(repo, "-c", "user.name=Bob", "-c", "user.email=bob@example.org", "commit", "-q", "-a", "-m", "Loud");
        return repo;
    }

    private static String job(EmbeddedDatabase database, String column, String blameId) {
        try {
            return ItDatabase.text(database, "SELECT j." + column + "::text FROM blame_job b JOIN job j"
                    + " ON j.id = b.job_id WHERE b.id = ?::bigint", blameId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aBlameJobInterruptedBySigkillIsFinishedByTheNextInstance() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "it").toAbsolutePath());
        Path root = Files.createTempDirectory("covenant-it-blame-");
        Path repo = repository(root);
        try (EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("covenant-it-blame-db-"))) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                    "QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER,
                    "COVENANT_ADMIN_TOKEN", ADMIN,
                    "COVENANT_RELICENSING_LOCAL_CLONE_ROOTS", root.toString(),
                    "COVENANT_RELICENSING_WORK_DIR", Files.createTempDirectory("covenant-it-blame-work-").toString(),
                    // A killed instance's lease runs out quickly, so the test need not wait two minutes.
                    "COVENANT_JOBS_LEASE", "PT3S",
                    "COVENANT_JOBS_HEARTBEAT", "PT0.5S",
                    "COVENANT_JOBS_POLL_INTERVAL", "PT0.5S"));
            String blame;
            ServiceProcess first = ServiceProcess.start(ServiceProcess.jar(), logs.resolve("blame-before.log"), env);
            try {
                HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(first.url(
                        "/api/repos/crash/widget/relicensing/blame"))).header("Authorization", "Bearer " + ADMIN)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"cloneUrl\":\"" + repo.toUri() + "\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString());
                assertEquals(202, answer.statusCode(), answer.body());
                Matcher id = Pattern.compile("\"id\":(\\d+)").matcher(answer.body());
                assertTrue(id.find(), answer.body());
                blame = id.group(1);
                Await.until("the blame to be under way", Duration.ofSeconds(120),
                        () -> Long.parseLong(job(database, "done", blame)) > 0);
                first.kill();
            } finally {
                first.close();
            }
            assertEquals("RUNNING", job(database, "state", blame));

            try (ServiceProcess second = ServiceProcess.start(ServiceProcess.jar(), logs.resolve("blame-after.log"),
                    env)) {
                Await.until("the blame to end", Duration.ofSeconds(240),
                        () -> !job(database, "state", blame).matches("QUEUED|RUNNING"));
            }
            assertEquals("DONE", job(database, "state", blame), job(database, "error", blame));
            assertEquals("2", job(database, "attempts", blame));
        }
    }
}
