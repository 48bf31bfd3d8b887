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
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import dev.covenant.Await;
import dev.covenant.ItDatabase;
import dev.covenant.ServiceProcess;
import dev.covenant.embedded.EmbeddedDatabase;

/**
 * Two packaged instances on one database, sharing a work directory. A large history is uploaded to instance A, which
 * imports it while B runs beside it for several leases without taking it; A is killed with SIGKILL in the middle of
 * the import, and B resumes it from the upload kept in PostgreSQL, with exactly the numbers of an uninterrupted
 * import of the same history. Afterwards no upload is left in the database, and A's work directory is gone.
 */
class HistoryImportCrashIT {

    private static final String ADMIN = "it-admin-token";
    /**
     * Enough for A's import to outlast the four leases watched and still be reading when it is killed (200,000 took
     * 12 s on this kind of machine once the import got faster, and A then sometimes finished just as it was killed).
     */
    private static final int COMMITS = 400_000;
    /** Short leases, so that the test watches several go by; the defaults are 15 s and 5 s, in the same ratio. */
    private static final Duration LEASE = Duration.ofSeconds(2);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    /** Uploads a history; with {@code wait}, the import runs before the answer. The import's id. */
    private static String upload(ServiceProcess service, String repository, int commits, boolean wait)
            throws IOException, InterruptedException {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(URI.create(service.url("/api/repos/"
                + repository + "/history" + (wait ? "?wait=true" : "")))).header("Authorization", "Bearer " + ADMIN)
                .header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> GeneratedHistory.inBlocks(commits))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(wait ? 200 : 202, answer.statusCode(), answer.body());
        var id = java.util.regex.Pattern.compile("\"id\":(\\d+)").matcher(answer.body());
        assertTrue(id.find(), answer.body());
        return id.group(1);
    }

    private static String job(EmbeddedDatabase database, String column, String importId) {
        return sql(database, "SELECT j." + column + "::text FROM history_import h JOIN job j ON j.id = h.job_id"
                + " WHERE h.id = ?::bigint", importId);
    }

    private static String sql(EmbeddedDatabase database, String sql, Object... args) {
        try {
            return ItDatabase.text(database, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What an import left: its contributions summed, and what it recorded of the history it read. */
    private static String totals(EmbeddedDatabase database, String repository, String importId) {
        return sql(database, "SELECT concat_ws(' ', count(*), sum(lines_added), sum(lines_deleted), sum(files),"
                + " sum(merge::int)) FROM contribution WHERE repository = ?", repository) + " | "
                + sql(database, "SELECT concat_ws(' ', j.done, j.total, h.commits_added, h.bytes_read, h.bytes_total,"
                        + " h.head_sha, h.history_sha256) FROM history_import h JOIN job j ON j.id = h.job_id"
                        + " WHERE h.id = ?::bigint", importId);
    }

    private static List<String> instanceDirs(Path work) throws IOException {
        try (var entries = Files.list(work)) {
            return entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith(WorkDir.PREFIX)).sorted()
                    .toList();
        }
    }

    @Test
    void anImportInterruptedBySigkillIsResumedByTheOtherInstanceFromTheStoredUpload() throws Exception {
        Path logs = Files.createDirectories(Path.of("target", "it").toAbsolutePath());
        Path work = Files.createTempDirectory("covenant-it-work-");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("covenant-it-jobs-db-"))) {
            Map<String, String> env = Map.of(
                    "QUARKUS_DATASOURCE_JDBC_URL", database.jdbcUrl(),
                    "QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER,
                    "COVENANT_ADMIN_TOKEN", ADMIN,
                    "COVENANT_RELICENSING_WORK_DIR", work.toString(),
                    "COVENANT_RELICENSING_SWEEP_INTERVAL", "PT1S",
                    "COVENANT_JOBS_LEASE", LEASE.toString(),
                    "COVENANT_JOBS_HEARTBEAT", "PT0.5S",
                    "COVENANT_JOBS_POLL_INTERVAL", "PT0.5S");
            String big;
            String small;
            ServiceProcess a = ServiceProcess.start(ServiceProcess.jar(), logs.resolve("import-crash-a.log"), env);
            try (ServiceProcess b = startSecond(a, logs, env)) {
                // With ?wait=true A runs the import itself from the start, in the request's thread: B cannot claim it
                // first. The request dies with A.
                CompletableFuture<String> request = CompletableFuture.supplyAsync(() -> {
                    try {
                        return upload(a, "crash/big", COMMITS, true);
                    } catch (IOException e) {
                        return "broken off: " + e;
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return "interrupted";
                    }
                });
                big = Await.until("A to store the upload and start its import", Duration.ofSeconds(300),
                        () -> sql(database, "SELECT max(id)::text FROM history_import WHERE repository = 'crash/big'"),
                        id -> id != null);
                Await.until("instance A to be reading the big import", Duration.ofSeconds(120),
                        () -> Long.parseLong(job(database, "done", big)) > 0);
                String holder = job(database, "lease_owner", big);
                // One import at a time on A: this one waits, and any instance may take it.
                small = upload(a, "crash/small", 10, false);
                long watchUntil = System.nanoTime() + LEASE.multipliedBy(4).toNanos();
                while (System.nanoTime() < watchUntil) {
                    assertEquals("RUNNING", job(database, "state", big), "the import outlasts four leases");
                    assertEquals(holder, job(database, "lease_owner", big), "B never takes it from a live A");
                    assertEquals("1", job(database, "attempts", big));
                    Thread.sleep(200);
                }
                assertEquals(2, instanceDirs(work).size(), "a work directory per instance");
                a.kill();
                long killed = System.nanoTime();
                assertTrue(request.get(30, TimeUnit.SECONDS).startsWith("broken off"), "A died before it answered");
                Await.until("B to take the import over", Duration.ofSeconds(10),
                        () -> !holder.equals(job(database, "lease_owner", big)));
                long takeover = (System.nanoTime() - killed) / 1_000_000;
                System.out.printf("HistoryImportCrashIT: B took the import over %d ms after A was killed (lease %s)%n",
                        takeover, LEASE);
                assertTrue(takeover <= LEASE.toMillis() + 2000, "taken over " + takeover + " ms after the kill");
                Await.until("the big import to end", Duration.ofSeconds(240),
                        () -> !job(database, "state", big).matches("QUEUED|RUNNING"));
                Await.until("the small import to end", Duration.ofSeconds(30),
                        () -> !job(database, "state", small).matches("QUEUED|RUNNING"));
                assertEquals("DONE", job(database, "state", big), job(database, "error", big));
                assertEquals("2", job(database, "attempts", big));
                assertEquals("DONE", job(database, "state", small), job(database, "error", small));
                assertEquals("10", sql(database, "SELECT count(*) FROM contribution WHERE repository = 'crash/small'"));

                // The same history imported without interruption gives the same numbers.
                String reference = upload(b, "crash/reference", COMMITS, true);
                String expected = totals(database, "crash/reference", reference);
                assertTrue(expected.startsWith(COMMITS + " "), expected);
                assertEquals(expected, totals(database, "crash/big", big));

                assertEquals("0", sql(database, "SELECT count(*) FROM history_upload"), "every upload is deleted");
                assertEquals("0", sql(database, "SELECT count(*) FROM history_upload_chunk"));
                Await.until("B to delete A's work directory", Duration.ofSeconds(15),
                        () -> uncheckedDirs(work).size() == 1);
            } finally {
                a.close();
            }
        }
    }

    /** B starts once A is up; both share the database and the work directory. */
    private static ServiceProcess startSecond(ServiceProcess a, Path logs, Map<String, String> env)
            throws IOException, InterruptedException {
        try {
            return ServiceProcess.start(ServiceProcess.jar(), logs.resolve("import-crash-b.log"), env);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            a.close();
            throw e;
        }
    }

    private static List<String> uncheckedDirs(Path work) {
        try {
            return instanceDirs(work);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
