package dev.covenant.bench;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.covenant.ServiceProcess;
import dev.covenant.inbox.WebhookSignature;

/**
 * A benchmark, not a test: how many signed webhook deliveries the packaged service accepts per second, and how fast
 * it answers 202, with {@code bench.clients} concurrent clients (HTTP/1.1, keep-alive) posting GitHub-shaped
 * {@code pull_request} opened deliveries, each with its own X-GitHub-Delivery id and head sha. After a warm-up, a
 * saturation run lets every client send as fast as it is answered (the most the service accepts per second; its
 * latencies are mostly queueing, clients / rate), then a paced run offers {@code bench.rate} deliveries per second
 * (the latency a sender sees at that load, measured from when each delivery was due, so a client held up by a slow
 * answer counts against the service). Afterwards the database must hold every delivery answered 202, once.
 * The service has no GitHub App configured (its GitHub URLs point at a closed local port): its worker wakes on the
 * deliveries and fails or leaves what it takes, so the endpoint is measured while the worker runs beside it. Where
 * {@code wrk} is installed (Debian's package), the saturation run is sent by it ({@link WrkLoad}): on two shared cores
 * the Java client's own CPU would otherwise decide the figure; {@code -Dbench.client=java} keeps the Java client.
 *
 * <p>Run with {@code ./mvnw -B -Pbench verify -Dit.test=WebhookBenchmark}; results in
 * {@code target/bench/webhooks.txt}, the service's log in {@code target/bench/webhooks-service.log}. Knobs (system
 * properties): {@code bench.clients} (32); {@code bench.warmupDeliveries} (20000) and {@code bench.warmupSeconds}
 * (20), whichever ends the warm-up first (the JIT needs most of it on two shared cores); {@code bench.rate} (1000
 * per second, 0 for no paced run) and {@code bench.pacedSeconds} (15), after {@code bench.pacedLeadInSeconds} (5) at
 * the same rate that are reported apart and not counted: the service is still digesting the saturation run's flood
 * (its worker and PostgreSQL's writer catch up) when the rate drops, which is the switch, not the rate;
 * {@code bench.deliveries} (20000) and {@code bench.seconds} (20), whichever ends the saturation run first;
 * {@code bench.payload} (webhooks/payloads/pull_request.opened.json); {@code bench.serviceJvmArgs}. Before the
 * lead-in, dirty pages are written back ({@code sync}) and PostgreSQL checkpoints ({@link #settle}).
 */
class WebhookBenchmark {

    private static final int CLIENTS = Integer.getInteger("bench.clients", 32);
    private static final int DELIVERIES = Integer.getInteger("bench.deliveries", 20_000);
    private static final Duration DURATION = Duration.ofSeconds(Integer.getInteger("bench.seconds", 20));
    private static final int WARMUP_DELIVERIES = Integer.getInteger("bench.warmupDeliveries", 20_000);
    private static final Duration WARMUP_DURATION = Duration.ofSeconds(Integer.getInteger("bench.warmupSeconds", 20));
    private static final int RATE = Integer.getInteger("bench.rate", 1_000);
    private static final int PACED_SECONDS = Integer.getInteger("bench.pacedSeconds", 15);
    private static final int LEAD_IN_SECONDS = Integer.getInteger("bench.pacedLeadInSeconds", 5);
    private static final Path PAYLOAD = Path
            .of(System.getProperty("bench.payload", "webhooks/payloads/pull_request.opened.json"));
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);
    /** The targets on the 2-core build machine. */
    private static final double TARGET_PER_SECOND = 1_000;
    private static final long TARGET_P99_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private static final String SECRET = "bench-webhook-secret-"
            + Long.toHexString(ThreadLocalRandom.current().nextLong());
    private static final String ADMIN_TOKEN = "bench-admin-token-"
            + Long.toHexString(ThreadLocalRandom.current().nextLong());
    /** Deliveries prepared for wrk per second of the saturation run: more than the service can take. */
    private static final int WRK_MAX_RATE = Integer.getInteger("bench.wrkMaxRate", 10_000);
    /** The sample's head sha, replaced per delivery so that no two payloads are alike. */
    private static final String SAMPLE_HEAD_SHA = "6dcb09b5b57875f334f61aebed695e2e4193db5e";

    /**
     * One run of deliveries; index = sequence number. Latencies in nanoseconds; status 0 = not sent, -1 = I/O error.
     * With a rate, delivery i is due at start + i / rate and its latency counts from then; without, each client sends
     * its next delivery as soon as the last one was answered.
     */
    static final class Phase {
        final String name;
        final long idBits = ThreadLocalRandom.current().nextLong();
        final int limit;
        final int rate;
        final Duration duration;
        final long[] latency;
        final long[] doneAt;
        final int[] status;
        final boolean[] accepted;
        final AtomicInteger next = new AtomicInteger();
        final Map<String, Integer> errors = new ConcurrentHashMap<>();
        long startedAt;
        long wallNanos;

        Phase(String name, int limit, Duration duration) {
            this(name, limit, 0, duration);
        }

        /** Paced: {@code seconds} of deliveries at {@code rate}; it may take up to twice as long if answers lag. */
        static Phase paced(String name, int rate, int seconds) {
            return new Phase(name, rate * seconds, Math.max(rate, 1), Duration.ofSeconds(2L * seconds));
        }

        private Phase(String name, int limit, int rate, Duration duration) {
            this.name = name;
            this.limit = limit;
            this.rate = rate;
            this.duration = duration;
            this.latency = new long[limit];
            this.doneAt = new long[limit];
            this.status = new int[limit];
            this.accepted = new boolean[limit];
        }

        long dueAt(int seq) {
            return rate == 0 ? 0 : startedAt + seq * 1_000_000_000L / rate;
        }

        String id(int seq) {
            return new UUID(idBits, seq).toString();
        }

        int sent() {
            return (int) IntStream.range(0, limit).filter(i -> status[i] != 0).count();
        }

        long[] latenciesOf202() {
            return IntStream.range(0, limit).filter(i -> status[i] == 202).mapToLong(i -> latency[i]).toArray();
        }

        long count202() {
            return IntStream.range(0, limit).filter(i -> status[i] == 202).count();
        }

        Map<Integer, Long> otherStatuses() {
            return IntStream.range(0, limit).filter(i -> status[i] != 0 && status[i] != 202).boxed()
                    .collect(Collectors.groupingBy(i -> status[i], TreeMap::new, Collectors.counting()));
        }

        double perSecond() {
            return count202() / (wallNanos / 1e9);
        }
    }

    @Test
    void signedDeliveriesFromConcurrentClients() throws Exception {
        Path out = BenchReport.out();
        String template = Files.readString(PAYLOAD, StandardCharsets.UTF_8);
        if (!template.contains(SAMPLE_HEAD_SHA)) {
            throw new AssertionError(
                    PAYLOAD + " no longer holds head sha " + SAMPLE_HEAD_SHA + "; update the benchmark");
        }
        String loadBefore = BenchReport.loadAverage();
        try (ServiceProcess service = startService(out)) {
            ExecutorService clients = Executors.newFixedThreadPool(CLIENTS, BenchReport.daemon("bench-client-"));
            // The HttpClient's own tasks need threads of their own: the clients' are all blocked in send().
            ExecutorService httpTasks = Executors.newCachedThreadPool(BenchReport.daemon("bench-http-"));
            try {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Duration.ofSeconds(10)).executor(httpTasks).build();
                URI endpoint = URI.create(service.url("/github/webhook"));
                Phase warmUp = new Phase("warm-up", WARMUP_DELIVERIES, WARMUP_DURATION);
                run(warmUp, http, endpoint, template, clients);
                String wrk = WrkLoad.find();
                Phase measured = new Phase("saturation", wrk == null ? DELIVERIES : 0, DURATION);
                WrkLoad.Result byWrk = null;
                long wrkBits = ThreadLocalRandom.current().nextLong();
                if (wrk == null) {
                    run(measured, http, endpoint, template, clients);
                } else {
                    byWrk = WrkLoad.run(wrk, service.url(""), CLIENTS, (int) DURATION.toSeconds(),
                            (int) DURATION.toSeconds() * WRK_MAX_RATE, i -> prepared(template, wrkBits, i), out);
                }
                // After the saturation run, which warms the JIT further: the paced run measures a warm service, once
                // a lead-in at the same rate has let the service come down from the flood.
                Phase leadIn = Phase.paced("paced lead-in", RATE, RATE == 0 ? 0 : LEAD_IN_SECONDS);
                Phase paced = Phase.paced("paced", RATE, RATE == 0 ? 0 : PACED_SECONDS);
                String settled = null;
                if (paced.limit > 0) {
                    settled = settle(service);
                    if (leadIn.limit > 0) {
                        run(leadIn, http, endpoint, template, clients);
                    }
                    run(paced, http, endpoint, template, clients);
                }

                Map<String, String> stored = storedDeliveries(service);
                String databaseActivity = databaseActivity(service);
                List<String> problems = new ArrayList<>();
                long missing = 0;
                long acceptedCount = 0;
                for (Phase phase : List.of(warmUp, measured, leadIn, paced)) {
                    for (int i = 0; i < phase.limit; i++) {
                        if (phase.status[i] == 202) {
                            acceptedCount++;
                            if (!stored.containsKey(phase.id(i))) {
                                missing++;
                            }
                            if (!phase.accepted[i]) {
                                problems.add(
                                        phase.name + " delivery " + phase.id(i) + " was answered 202 but not ACCEPTED");
                            }
                        }
                    }
                    if (!phase.otherStatuses().isEmpty()) {
                        problems.add(
                                phase.name + ": answers other than 202: " + phase.otherStatuses() + " " + phase.errors);
                    }
                }
                long sent = warmUp.sent() + measured.sent() + leadIn.sent() + paced.sent();
                long storedOfWrk = stored.keySet().stream()
                        .filter(id -> UUID.fromString(id).getMostSignificantBits() == wrkBits).count();
                if (byWrk != null) {
                    acceptedCount += byWrk.accepted();
                    // wrk does not say which deliveries it had answered; it may stop with some in flight.
                    if (storedOfWrk < byWrk.accepted() || storedOfWrk > byWrk.accepted() + CLIENTS) {
                        problems.add("wrk saw " + byWrk.accepted() + " deliveries answered 202, the database holds "
                                + storedOfWrk + " of them");
                    }
                    if (byWrk.statuses().containsKey(200)) {
                        problems.add("wrk ran out of prepared deliveries (raise -Dbench.wrkMaxRate)");
                    }
                    if (byWrk.statuses().keySet().stream().anyMatch(c -> c != 202 && c != 200) || byWrk.errors() > 0) {
                        problems.add("wrk: answers other than 202: " + byWrk.statuses() + ", socket errors "
                                + byWrk.errors());
                    }
                }
                if (missing > 0) {
                    problems.add(missing + " deliveries answered 202 are not in the database");
                }
                if (stored.size() - storedOfWrk != sent) {
                    problems.add("sent " + sent + " distinct deliveries, the database holds "
                            + (stored.size() - storedOfWrk));
                }
                Map<String, Long> states = stored.values().stream()
                        .collect(Collectors.groupingBy(s -> s, TreeMap::new, Collectors.counting()));
                // The database's own limit for durable single-row inserts, same payload, clients and server.
                PgbenchBaseline.Result pgbench = PgbenchBaseline.run(service.databaseUrl(), template, CLIENTS,
                        (int) DURATION.toSeconds(), out);
                double perSecond = byWrk == null ? measured.perSecond() : byWrk.perSecond();
                String client = byWrk == null ? "Java HttpClient" : "wrk";
                String report = report(warmUp, leadIn, paced, measured, loadBefore, service, stored.size(),
                        acceptedCount,
                        missing, states,
                        databaseActivity)
                        + (byWrk == null ? "" : "saturation by wrk " + WrkLoad.describe(byWrk) + "\n")
                        + (settled == null ? "" : "before the paced run  " + settled + "\n")
                        + String.format(Locale.ROOT, "pgbench baseline  %.0f inserts/s, latency average %.1f ms (%s)%n",
                                pgbench.perSecond(), pgbench.latencyMs(), pgbench.note());
                BenchRatios.record("webhooks", "durable deliveries accepted per second, " + CLIENTS + " clients",
                        perSecond, pgbench.perSecond(), "/s", BenchRatios.Goal.AT_LEAST, 0.80, "pgbench",
                        "sent by " + client + "; " + pgbench.note());
                if (paced.limit > 0) {
                    long[] latencies = paced.latenciesOf202();
                    double p99 = latencies.length == 0
                            ? Double.NaN
                            : BenchReport.percentile(sorted(latencies), 99) / 1e6;
                    BenchRatios.bound("webhooks", "p99 of the 202 at " + paced.rate + " deliveries/s", p99, "ms",
                            BenchRatios.Goal.AT_MOST, 20, "from when each delivery was due, " + PACED_SECONDS
                                    + " s after a " + LEAD_IN_SECONDS + " s lead-in at that rate (in webhooks.txt)");
                }
                System.out.println(report);
                Files.writeString(out.resolve("webhooks.txt"), report);
                if (problems.size() > 20) {
                    problems.subList(20, problems.size()).clear();
                }
                if (!problems.isEmpty()) {
                    fail("The webhook benchmark found problems (service log: " + service.log() + "):\n  "
                            + String.join("\n  ", problems));
                }
            } finally {
                clients.shutdownNow();
                httpTasks.shutdownNow();
            }
        }
    }

    // ---------------------------------------------------------------- the load

    private static void run(Phase phase, HttpClient http, URI endpoint, String template, ExecutorService clients)
            throws InterruptedException {
        CountDownLatch go = new CountDownLatch(1);
        CountDownLatch finished = new CountDownLatch(CLIENTS);
        for (int c = 0; c < CLIENTS; c++) {
            clients.execute(() -> {
                try {
                    go.await();
                    long deadline = phase.startedAt + phase.duration.toNanos();
                    for (int seq = phase.next.getAndIncrement(); seq < phase.limit
                            && System.nanoTime() < deadline; seq = phase.next.getAndIncrement()) {
                        deliver(phase, seq, http, endpoint, template);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    finished.countDown();
                }
            });
        }
        phase.startedAt = System.nanoTime();
        go.countDown();
        if (!finished.await(phase.duration.toSeconds() + REQUEST_TIMEOUT.toSeconds() + 30, TimeUnit.SECONDS)) {
            throw new AssertionError("the " + phase.name + " clients did not finish");
        }
        phase.wallNanos = IntStream.range(0, phase.limit).mapToLong(i -> phase.doneAt[i]).max().orElse(phase.startedAt)
                - phase.startedAt;
    }

    /** Delivery {@code seq} of a run whose ids start with {@code bits}, signed, on one line for wrk. */
    private static WrkLoad.Prepared prepared(String template, long bits, int seq) {
        String body = template.replace(SAMPLE_HEAD_SHA, String.format(Locale.ROOT, "%016x%024x", bits, seq))
                .replaceAll("\\s*\n\\s*", "");
        return new WrkLoad.Prepared(new UUID(bits, seq).toString(),
                WebhookSignature.sign(SECRET, body.getBytes(StandardCharsets.UTF_8)), body);
    }

    private static void deliver(Phase phase, int seq, HttpClient http, URI endpoint, String template) {
        String id = phase.id(seq);
        byte[] body = template.replace(SAMPLE_HEAD_SHA, String.format(Locale.ROOT, "%016x%024x", phase.idBits, seq))
                .getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(REQUEST_TIMEOUT)
                .header("Content-Type", "application/json")
                .header("User-Agent", "GitHub-Hookshot/covenant-bench")
                .header("X-GitHub-Event", "pull_request")
                .header("X-GitHub-Delivery", id)
                .header("X-GitHub-Hook-ID", "109948940")
                .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        long due = phase.dueAt(seq);
        for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
            LockSupport.parkNanos(wait);
        }
        long started = phase.rate == 0 ? System.nanoTime() : due;
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            long done = System.nanoTime();
            phase.latency[seq] = done - started;
            phase.doneAt[seq] = done;
            phase.status[seq] = response.statusCode();
            phase.accepted[seq] = response.body().contains("\"ACCEPTED\"");
            if (response.statusCode() != 202) {
                phase.errors.merge(
                        response.statusCode() + ": "
                                + response.body().substring(0, Math.min(200, response.body().length())),
                        1, Integer::sum);
            }
        } catch (IOException e) {
            phase.doneAt[seq] = System.nanoTime();
            phase.status[seq] = -1;
            phase.errors.merge(e.toString(), 1, Integer::sum);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- the service's record

    /** Every pull_request delivery in the service's database (a fresh one: all of them are ours), id to state. */
    private static Map<String, String> storedDeliveries(ServiceProcess service) throws SQLException {
        Map<String, String> stored = new HashMap<>();
        try (Connection db = DriverManager.getConnection(service.databaseUrl(), "postgres", "");
                Statement statement = db.createStatement();
                ResultSet rows = statement
                        .executeQuery("SELECT delivery_id, state FROM delivery WHERE event = 'pull_request'")) {
            while (rows.next()) {
                if (stored.put(rows.getString(1), rows.getString(2)) != null) {
                    throw new AssertionError("delivery " + rows.getString(1) + " is stored twice");
                }
            }
        }
        return stored;
    }

    /**
     * Between the saturation run and the paced one: the 1.5 GB of WAL the flood wrote make PostgreSQL checkpoint, and
     * the kernel writes back what this and earlier benchmarks left dirty; either one's flushes stall commits for
     * 100 ms at a random second of a 15 s window, which is the flood's cost, not the paced rate's. Both are done
     * here, before the lead-in, and timed: what the paced run then measures is the service at 1,000 deliveries/s.
     */
    private static String settle(ServiceProcess service) throws Exception {
        long started = System.nanoTime();
        Process sync = new ProcessBuilder("sync").inheritIO().start();
        sync.waitFor();
        long synced = System.nanoTime();
        try (Connection db = DriverManager.getConnection(service.databaseUrl(), "postgres", "");
                Statement statement = db.createStatement()) {
            statement.execute("CHECKPOINT");
        }
        return String.format(Locale.ROOT, "sync %.2f s, then CHECKPOINT %.2f s", (synced - started) / 1e9,
                (System.nanoTime() - synced) / 1e9);
    }

    /** What PostgreSQL did besides the inserts (autovacuum, checkpoints, WAL), which can explain stalls. */
    private static String databaseActivity(ServiceProcess service) {
        try (Connection db = DriverManager.getConnection(service.databaseUrl(), "postgres", "");
                Statement statement = db.createStatement();
                ResultSet row = statement
                        .executeQuery("SELECT (SELECT autovacuum_count || ' autovacuums, ' || autoanalyze_count"
                                + " || ' autoanalyzes of delivery' FROM pg_stat_user_tables WHERE relname = 'delivery'),"
                                + " (SELECT num_timed || ' timed and ' || num_requested || ' requested checkpoints' FROM pg_stat_checkpointer),"
                                + " (SELECT pg_size_pretty(wal_bytes) || ' of WAL' FROM pg_stat_wal)")) {
            row.next();
            return row.getString(1) + "; " + row.getString(2) + "; " + row.getString(3);
        } catch (SQLException e) {
            return "unknown (" + e.getMessage() + ")";
        }
    }

    private static ServiceProcess startService(Path out) throws IOException, InterruptedException {
        String nowhere = "http://127.0.0.1:" + ServiceProcess.freePort();
        return ServiceProcess.start(ServiceProcess.jar(), out.resolve("webhooks-service.log"), Map.of(
                "COVENANT_ADMIN_TOKEN", ADMIN_TOKEN,
                "COVENANT_GITHUB_WEBHOOK_SECRET", SECRET,
                "COVENANT_GITHUB_API_URL", nowhere,
                "COVENANT_GITHUB_WEB_URL", nowhere));
    }

    // ---------------------------------------------------------------- report

    private static String report(Phase warmUp, Phase leadIn, Phase paced, Phase saturation, String loadBefore,
            ServiceProcess service,
            int stored, long accepted, long missing, Map<String, Long> states, String databaseActivity) {
        double rate = saturation.perSecond();
        BenchReport report = new BenchReport(
                "Covenant webhook benchmark (./mvnw -B -Pbench verify -Dit.test=WebhookBenchmark)")
                .machine(loadBefore)
                .put("service", service.describe()
                        + "; its worker runs (unless bench.serviceJvmArgs turns it off) with no"
                        + " GitHub App configured (GitHub URLs point at a closed local port), so what it takes fails or waits")
                .put("clients",
                        CLIENTS + " concurrent, java.net.http (the saturation run: wrk where it is installed),"
                                + " HTTP/1.1 keep-alive, one delivery in flight each")
                .put("payload",
                        PAYLOAD + " (" + bodySize() + " bytes), signed, distinct X-GitHub-Delivery and head sha each")
                .put("warm-up", warmUp.sent() + " deliveries in " + seconds(warmUp.wallNanos)
                        + String.format(Locale.ROOT, " (%.0f accepted/s)", warmUp.perSecond()));
        if (saturation.limit > 0) {
            report.put("saturation run",
                    saturation.sent() + " deliveries in " + seconds(saturation.wallNanos) + " (limits: "
                            + saturation.limit + " deliveries or " + saturation.duration.toSeconds() + " s)")
                    .put("saturation: accepted per second", String.format(Locale.ROOT, "%.0f", rate))
                    .put("saturation: each second", perSecondSeries(saturation))
                    .put("saturation: 202 latency", BenchReport.summary(saturation.latenciesOf202(), true)
                            + String.format(Locale.ROOT, " (mostly queueing: %d clients / %.0f per s = %.1f ms)",
                                    CLIENTS, rate, CLIENTS * 1000 / rate))
                    .put("saturation: answers other than 202", otherAnswers(saturation))
                    .put("target >= 1000 accepted/s", rate >= TARGET_PER_SECOND ? "met" : "MISSED");
        }
        if (leadIn.limit > 0) {
            report.put("paced lead-in (not counted)",
                    String.format(Locale.ROOT, "%d/s for %d s right after the saturation run: 202 latency %s",
                            leadIn.rate, leadIn.limit / leadIn.rate,
                            BenchReport.summary(leadIn.latenciesOf202(), true)))
                    .put("lead-in: p99 of each second (ms)", p99PerSecond(leadIn));
        }
        if (paced.limit > 0) {
            long[] latencies = paced.latenciesOf202();
            long p99 = latencies.length == 0 ? Long.MAX_VALUE : BenchReport.percentile(sorted(latencies), 99);
            report.put("paced run",
                    String.format(Locale.ROOT, "%d/s offered for %d s: %d deliveries in %s (%.0f accepted/s)",
                            paced.rate, paced.limit / paced.rate, paced.sent(), seconds(paced.wallNanos),
                            paced.perSecond()))
                    .put("paced: 202 latency from when due", BenchReport.summary(latencies, true))
                    .put("paced: p99 of each second (ms)", p99PerSecond(paced))
                    .put("paced: answers other than 202", otherAnswers(paced))
                    .put("target p99 < 20 ms at " + paced.rate + "/s", p99 < TARGET_P99_NANOS ? "met" : "MISSED");
        }
        return report
                .put("stored (all runs)",
                        stored + " rows for " + accepted + " deliveries answered 202; missing " + missing
                                + "; none twice (the delivery id is the primary key)")
                .put("states after the runs", states.toString())
                .put("database during the runs", databaseActivity)
                .put("service log ERROR lines", String.valueOf(service.logErrors()))
                .toString();
    }

    /** The p99 latency of the deliveries due in each second, in ms: shows whether a tail is steady or one stall. */
    private static String p99PerSecond(Phase phase) {
        List<List<Long>> seconds = new ArrayList<>();
        for (int i = 0; i < phase.limit; i++) {
            if (phase.status[i] == 202) {
                int second = i / phase.rate;
                while (seconds.size() <= second) {
                    seconds.add(new ArrayList<>());
                }
                seconds.get(second).add(phase.latency[i]);
            }
        }
        return seconds.stream().map(l -> l.stream().mapToLong(Long::longValue).toArray())
                .map(a -> a.length == 0
                        ? "-"
                        : String.format(Locale.ROOT, "%.0f", BenchReport.percentile(sorted(a), 99) / 1e6))
                .collect(Collectors.joining(" "));
    }

    private static String otherAnswers(Phase phase) {
        return phase.otherStatuses().isEmpty() ? "0" : phase.otherStatuses() + " " + phase.errors;
    }

    private static long[] sorted(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted;
    }

    private static String perSecondSeries(Phase phase) {
        int seconds = (int) Math.ceil(phase.wallNanos / 1e9);
        long[] buckets = new long[Math.max(1, seconds)];
        for (int i = 0; i < phase.limit; i++) {
            if (phase.status[i] == 202) {
                int bucket = (int) ((phase.doneAt[i] - phase.startedAt) / 1_000_000_000L);
                buckets[Math.min(bucket, buckets.length - 1)]++;
            }
        }
        return Arrays.stream(buckets).mapToObj(Long::toString).collect(Collectors.joining(" "));
    }

    private static long bodySize() {
        try {
            return Files.size(PAYLOAD);
        } catch (IOException e) {
            return -1;
        }
    }

    private static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }
}
