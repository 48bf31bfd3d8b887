package dev.covenant.relicensing.history;

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
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.covenant.Await;
import dev.covenant.ItDatabase;
import dev.covenant.ServiceProcess;
import dev.covenant.embedded.EmbeddedDatabase;

/**
 * The packaged service killed with SIGKILL in the middle of a history import: the next instance on the database
 * takes the import over once its lease runs out and reads the spooled upload again from the shared work directory;
 * an upload queued behind it whose file is gone fails saying to upload it again. Nothing stays RUNNING.
 */
class HistoryImportCrashIT {

    private static final String ADMIN = "it-admin-token";
    private static final int COMMITS = 200_000;
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Uploads a history without waiting for its import; the import's id. */
    private static String upload(ServiceProcess service, String repository, HttpRequest.BodyPublisher body)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(service.url("/api/repos/"
                + repository + "/history"))).header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "text/plain").POST(body).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(202, answer.statusCode(), answer.body());
        var id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(answer.body());
        assertTrue(id.find(), answer.body());
        return id.group(1);
    }

    private static String job(EmbeddedDatabase database, String column, String importId) {
        try {
            return ItDatabase.text(database,
                    "SELECT j." + column + "::text FROM history_import h JOIN job j ON j.id = h.job_id"
                            + " WHERE h.id = ?::bigint",
                    importId);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void anImportInterruptedBySigkillIsResumedByTheNextInstance() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "it").toAbsolutePath());
        Path work = Files.createTempDirectory("covenant-it-work-");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("covenant-it-jobs-db-"))) {
            Map<String, String> env = new HashMap<>(Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                    "QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER,
                    "COVENANT_ADMIN_TOKEN", ADMIN,
                    "COVENANT_RELICENSING_WORK_DIR", work.toString(),
                    // A killed instance's lease runs out quickly, so the test need not wait two minutes.
                    "COVENANT_JOBS_LEASE", "PT3S",
                    "COVENANT_JOBS_HEARTBEAT", "PT0.5S",
                    "COVENANT_JOBS_POLL_INTERVAL", "PT0.5S"));
            String big;
            String small;
            ServiceProcess first = ServiceProcess.start(ServiceProcess.jar(), logs.resolve("jobs-before.log"), env);
            try {
                big = upload(first, "crash/big", HttpRequest.BodyPublishers.ofInputStream(
                        () -> new GeneratedHistory(COMMITS)));
                // One import at a time: this one waits behind the big one, held by the instance that has its file.
                small = upload(first, "crash/small", HttpRequest.BodyPublishers.ofInputStream(
                        () -> new GeneratedHistory(10)));
                Await.until("the big import to be reading", Duration.ofSeconds(60),
                        () -> Long.parseLong(job(database, "done", big)) > 0);
                first.kill();
            } finally {
                first.close();
            }
            assertEquals("RUNNING", job(database, "state", big));
            assertEquals("QUEUED", job(database, "state", small));
            // The small upload's file is lost with the disk it was on (a temporary directory cleaned at boot).
            Files.delete(Path.of(ItDatabase.text(database, "SELECT spool_path FROM history_import WHERE id = ?::bigint",
                    small)));

            try (ServiceProcess second = ServiceProcess.start(ServiceProcess.jar(), logs.resolve("jobs-after.log"),
                    env)) {
                Await.until("the big import to end", Duration.ofSeconds(180),
                        () -> !job(database, "state", big).matches("QUEUED|RUNNING"));
                Await.until("the small import to end", Duration.ofSeconds(30),
                        () -> !job(database, "state", small).matches("QUEUED|RUNNING"));
            }
            assertEquals("DONE", job(database, "state", big), job(database, "error", big));
            assertEquals("2", job(database, "attempts", big));
            assertEquals(String.valueOf(COMMITS), ItDatabase.text(database, "SELECT count(*) FROM contribution"
                    + " WHERE repository = 'crash/big'"));
            assertEquals("FAILED", job(database, "state", small));
            assertEquals(HistoryImporter.UPLOAD_GONE, job(database, "error", small));
            assertEquals("0",
                    ItDatabase.text(database, "SELECT count(*) FROM contribution WHERE repository = 'crash/small'"));
            try (var files = Files.list(work)) {
                assertEquals(0, files.count(), "every spooled upload is gone once its import ended");
            }
        }
    }
}
