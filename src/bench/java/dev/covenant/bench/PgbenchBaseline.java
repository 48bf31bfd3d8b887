package dev.covenant.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The database's own limit for what the webhook endpoint does: {@code pgbench} inserting one delivery row per
 * transaction, with the same payload, the same columns and indexes (a copy of the {@code delivery} table) and the same
 * number of clients, against the same PostgreSQL server, with every commit flushed ({@code synchronous_commit=on}).
 * Each 202 of Covenant stands for such a durable row; batching several into one commit is how it may come near or
 * pass this figure.
 */
final class PgbenchBaseline {

    private static final Pattern TPS = Pattern.compile("tps = ([0-9.]+) \\(without initial connection time\\)");
    private static final Pattern LATENCY = Pattern.compile("latency average = ([0-9.]+) ms");

    /** What pgbench measured, or why it could not. */
    record Result(double perSecond, double latencyMs, String note) {
        static Result missing(String why) {
            return new Result(Double.NaN, Double.NaN, why);
        }
    }

    private PgbenchBaseline() {
    }

    static Result run(String jdbcUrl, String payload, int clients, int seconds, Path out)
            throws IOException, InterruptedException {
        String pgbench = find();
        if (pgbench == null) {
            return Result.missing("pgbench is not installed (apt-get install postgresql-client)");
        }
        Matcher url = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+)").matcher(jdbcUrl);
        if (!url.matches()) {
            return Result.missing("cannot read host and port from " + jdbcUrl);
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "");
                Statement s = db.createStatement()) {
            s.execute("DROP TABLE IF EXISTS bench_pgbench_delivery");
            s.execute("CREATE TABLE bench_pgbench_delivery (LIKE delivery INCLUDING ALL)");
        } catch (SQLException e) {
            return Result.missing("could not prepare the table: " + e.getMessage());
        }
        Path script = out.resolve("pgbench-delivery.sql");
        // As hex: pgbench would read the JSON's colons as its own variables.
        String hex = java.util.HexFormat.of().formatHex(payload.getBytes(StandardCharsets.UTF_8));
        Files.writeString(script, "INSERT INTO bench_pgbench_delivery (delivery_id, event, action, installation_id,"
                + " repository, payload, received_at, state, attempts, next_attempt_at, last_error) VALUES"
                + " (gen_random_uuid()::text, 'pull_request', 'opened', 1, 'octo-org/hello-world', decode('" + hex
                + "', 'hex'), now(), 'PENDING', 0, now(), NULL) ON CONFLICT (delivery_id) DO NOTHING;\n",
                StandardCharsets.UTF_8);
        Path log = out.resolve("pgbench.txt");
        Process process = new ProcessBuilder(List.of(pgbench, "-n", "-M", "prepared", "-c", String.valueOf(clients),
                "-j", String.valueOf(Math.min(clients, Runtime.getRuntime().availableProcessors())), "-T",
                String.valueOf(seconds), "-f", script.toString(), "-h", url.group(1), "-p", url.group(2), "-U",
                "postgres", url.group(3)))
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        process.getOutputStream().close();
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            return Result.missing("pgbench did not finish; see " + log);
        }
        String text = Files.readString(log);
        Matcher tps = TPS.matcher(text);
        Matcher latency = LATENCY.matcher(text);
        if (process.exitValue() != 0 || !tps.find()) {
            return Result.missing("pgbench failed (exit " + process.exitValue() + "); see " + log);
        }
        return new Result(Double.parseDouble(tps.group(1)),
                latency.find() ? Double.parseDouble(latency.group(1)) : Double.NaN,
                String.format(Locale.ROOT, "%s -M prepared -c %d, %d s, durable single-row inserts", pgbench, clients,
                        seconds));
    }

    private static String find() {
        for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
            Path candidate = Path.of(dir, "pgbench");
            if (Files.isExecutable(candidate)) {
                return candidate.toString();
            }
        }
        return null;
    }
}
