package dev.covenant.bench;

import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import dev.covenant.ServiceProcess;

/**
 * A benchmark, not a test: how long the packaged service takes to start with its embedded PostgreSQL already
 * initialised, from launching {@code java -jar} to {@code /q/health/ready} answering 200 (polled every 50 ms). A
 * first start initialises the data directory (initdb, migrations, the shipped agreements); then the service is
 * started {@code bench.startups} times (5) on that directory. Target: under 5 s.
 *
 * <p>Run with {@code ./mvnw -B -Pbench verify -Dit.test=StartupBenchmark}; results in
 * {@code target/bench/startup.txt}.
 */
class StartupBenchmark {

    private static final int STARTUPS = Integer.getInteger("bench.startups", 5);
    private static final long TARGET_MILLIS = 5_000;
    private static final Pattern DATABASE_STARTED = Pattern.compile("Embedded PostgreSQL started in (\\d+) ms");

    @Test
    void startsWithAnInitialisedDatabase() throws Exception {
        Path out = BenchReport.out();
        String loadBefore = BenchReport.loadAverage();
        Path data = Files.createTempDirectory("covenant-startup-");
        Map<String, String> env = Map.of("COVENANT_DATA_DIR", data.toString(),
                "COVENANT_ADMIN_TOKEN", "bench-startup-token",
                "COVENANT_GITHUB_API_URL", "http://127.0.0.1:" + ServiceProcess.freePort(),
                "COVENANT_GITHUB_WEB_URL", "http://127.0.0.1:" + ServiceProcess.freePort());
        BenchReport report = new BenchReport(
                "Covenant start-up benchmark (./mvnw -B -Pbench verify -Dit.test=StartupBenchmark)");
        report.machine(loadBefore);
        try {
            try (ServiceProcess first = ServiceProcess.start(ServiceProcess.jar(), out.resolve("startup-first.log"),
                    env)) {
                report.put("first start (initdb, migrations, shipped agreements)", first.startupMillis() + " ms");
            }
            long[] millis = new long[STARTUPS];
            List<String> runs = new ArrayList<>();
            for (int i = 0; i < STARTUPS; i++) {
                try (ServiceProcess service = ServiceProcess.start(ServiceProcess.jar(),
                        out.resolve("startup-" + (i + 1) + ".log"), env)) {
                    millis[i] = service.startupMillis();
                    runs.add(millis[i] + " ms (PostgreSQL " + databaseMillis(service) + " ms)");
                }
            }
            long[] sorted = millis.clone();
            Arrays.sort(sorted);
            long median = sorted[sorted.length / 2];
            report.put("restarts on the initialised directory", String.join(", ", runs))
                    .put("median / slowest",
                            median + " ms / " + sorted[sorted.length - 1] + " ms (target < " + TARGET_MILLIS + " ms)")
                    .put("load average after", BenchReport.loadAverage());
            System.out.println(report);
            Files.writeString(out.resolve("startup.txt"), report.toString());
            if (median >= TARGET_MILLIS) {
                fail("The median start-up took " + median + " ms, over the target of " + TARGET_MILLIS + " ms");
            }
        } finally {
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String databaseMillis(ServiceProcess service) {
        for (String line : service.logLines()) {
            Matcher m = DATABASE_STARTED.matcher(line);
            if (m.find()) {
                return m.group(1);
            }
        }
        return "?";
    }
}
