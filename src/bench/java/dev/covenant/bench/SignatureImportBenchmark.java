package dev.covenant.bench;

import static org.junit.jupiter.api.Assertions.fail;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import dev.covenant.ServiceProcess;

/**
 * A benchmark, not a test: importing {@code bench.importSignatures} (100,000) signatures from one CLA Assistant Lite
 * {@code cla.json} into the packaged service, the way a project moving to Covenant would (issue 16: under 10 s). It
 * times a dry run, the import and the same file again (which must add nothing), each on a service that has gone idle
 * first ({@link ServiceProcess#awaitQuiet}), then checks the database holds one signature per person of the file and
 * that the ledger verifies.
 *
 * <p>Run with {@code bash src/bench/run -Dit.test=SignatureImportBenchmark}; results in
 * {@code target/bench/signature-import.txt}.
 */
class SignatureImportBenchmark {

    private static final int SIGNATURES = Integer.getInteger("bench.importSignatures", 100_000);
    private static final long FIRST_ID = 5_000_000_000L;
    private static final String ADMIN_TOKEN = "bench-admin-token-" + Long.toHexString(System.nanoTime());
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aHundredThousandSignaturesFromOneLiteFile() throws Exception {
        Path out = BenchReport.out();
        String loadBefore = BenchReport.loadAverage();
        String file = liteFile();
        try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jar(), out.resolve("import-service.log"),
                Map.of("COVENANT_ADMIN_TOKEN", ADMIN_TOKEN))) {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String version = get(http, service.url("/api/agreements/individual")).path("latestVersion")
                    .asText();
            String url = service.url("/api/agreements/individual/versions/" + version + "/signatures/import");
            List<String> problems = new ArrayList<>();

            // As the history benchmark does: the import runs on a service that has been up a while, not in the JIT's
            // backlog of its start, and after the dry run the way a person runs it, who reads the dry run's answer
            // first (its compilations done).
            Duration quietBeforeDry = service.awaitQuiet(Duration.ofSeconds(60));
            Timed dry = post(http, url + "?dryRun=true", file);
            Duration quietBeforeImport = service.awaitQuiet(Duration.ofSeconds(60));
            Timed real = post(http, url, file);
            Timed again = post(http, url, file);
            expect(problems, "dry run added", dry.answer().path("added").asInt(), SIGNATURES);
            expect(problems, "import added", real.answer().path("added").asInt(), SIGNATURES);
            expect(problems, "second import added", again.answer().path("added").asInt(), 0);
            expect(problems, "second import found present", again.answer().path("alreadyPresent").asInt(),
                    SIGNATURES);
            long stored;
            long entries;
            try (Connection db = DriverManager.getConnection(service.databaseUrl(), "postgres", "");
                    Statement s = db.createStatement()) {
                stored = single(s, "SELECT count(*) FROM signature WHERE import_source IS NOT NULL");
                entries = single(s, "SELECT count(*) FROM ledger_entry WHERE kind = 'signature.imported'");
            }
            expect(problems, "imported signatures in the database", stored, SIGNATURES);
            expect(problems, "signature.imported ledger entries", entries, SIGNATURES);
            long verifyStarted = System.nanoTime();
            JsonNode verify = get(http, service.url("/api/ledger/verify"));
            double verifySeconds = (System.nanoTime() - verifyStarted) / 1e9;
            if (!verify.path("intact").asBoolean()) {
                problems.add("the ledger does not verify: " + verify);
            }

            String report = new BenchReport("Covenant signature import benchmark (bash src/bench/run"
                    + " -Dit.test=SignatureImportBenchmark)").machine(loadBefore)
                    .put("service", service.describe())
                    .put("file", String.format(Locale.ROOT, "CLA Assistant Lite cla.json, %,d entries, %.1f MB",
                            SIGNATURES, file.length() / 1e6))
                    .put("service idle before the dry run / the import", String.format(Locale.ROOT,
                            "after %.1f s / %.1f s of waiting (less than a tenth of a core used in each of two half"
                                    + " seconds)",
                            quietBeforeDry.toMillis() / 1e3, quietBeforeImport.toMillis() / 1e3))
                    .put("dry run", seconds(dry))
                    .put("import", seconds(real) + String.format(Locale.ROOT, " (%.0f signatures/s)",
                            SIGNATURES / real.seconds()))
                    .put("the same file again (adds nothing)", seconds(again))
                    .put("ledger verify afterwards", String.format(Locale.ROOT, "%.2f s, intact %s", verifySeconds,
                            verify.path("intact").asBoolean()))
                    .put("service log ERROR lines", String.valueOf(service.logErrors())).toString();
            System.out.println(report);
            Files.writeString(out.resolve("signature-import.txt"), report);
            BenchRatios.bound("signature import", String.format(Locale.ROOT, "%,d signatures from a Lite file",
                    SIGNATURES), real.seconds(), "s", BenchRatios.Goal.AT_MOST, 10,
                    String.format(Locale.ROOT, "dry run %.1f s, again %.1f s, all or nothing in one transaction",
                            dry.seconds(), again.seconds()));
            if (!problems.isEmpty()) {
                fail("The import benchmark found problems (service log: " + service.log() + "):\n  "
                        + String.join("\n  ", problems));
            }
        }
    }

    private record Timed(JsonNode answer, double seconds) {
    }

    private static String liteFile() {
        StringBuilder json = new StringBuilder(SIGNATURES * 160).append("{\"signedContributors\": [\n");
        Instant start = Instant.parse("2020-01-01T00:00:00Z");
        for (int i = 0; i < SIGNATURES; i++) {
            long id = FIRST_ID + i;
            json.append(i == 0 ? "" : ",\n").append("  {\"name\": \"lite-").append(id).append("\", \"id\": ")
                    .append(id).append(", \"comment_id\": ").append(700_000_000L + i)
                    .append(", \"created_at\": \"").append(start.plusSeconds(60L * i)).append("\", \"repoId\": 4242")
                    .append(", \"pullRequestNo\": ").append(1 + i / 3).append('}');
        }
        return json.append("\n]}\n").toString();
    }

    private static Timed post(HttpClient http, String url, String body) throws Exception {
        long started = System.nanoTime();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Content-Type", "application/json")
                .timeout(Duration.ofMinutes(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        double seconds = (System.nanoTime() - started) / 1e9;
        if (response.statusCode() != 200) {
            throw new AssertionError("POST " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return new Timed(JSON.readTree(response.body()), seconds);
    }

    private static JsonNode get(HttpClient http, String url) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + ADMIN_TOKEN).header("Accept", "application/json")
                .timeout(Duration.ofMinutes(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new AssertionError("GET " + url + " answered " + response.statusCode() + ": " + response.body());
        }
        return JSON.readTree(response.body());
    }

    private static long single(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void expect(List<String> problems, String what, long actual, long expected) {
        if (actual != expected) {
            problems.add(what + ": expected " + expected + ", got " + actual);
        }
    }

    private static String seconds(Timed t) {
        return String.format(Locale.ROOT, "%.2f s", t.seconds());
    }
}
