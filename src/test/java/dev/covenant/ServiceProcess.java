package dev.covenant;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
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
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The packaged service in a process of its own, on a free port: what the integration tests and the benchmarks
 * drive. Without a JDBC URL in its environment it starts its embedded database in a temporary data directory,
 * which {@link #close()} deletes; {@link #kill()} stops it the way a crash does.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration READY_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern DATABASE_PORT = Pattern
            .compile("Embedded PostgreSQL started in \\d+ ms on port (\\d+)");

    /** Extra options for the service's JVM ({@code -Dbench.serviceJvmArgs=...}), for diagnosis only. */
    public static final List<String> JVM_ARGS = System.getProperty("bench.serviceJvmArgs", "").isBlank()
            ? List.of()
            : List.of(System.getProperty("bench.serviceJvmArgs").trim().split("\\s+"));

    private final Process process;
    private final Path log;
    private final Path dataDir;
    private final int port;
    private final long startupMillis;
    private final boolean ownsDataDir;

    private ServiceProcess(Process process, Path log, Path dataDir, int port, long startupMillis,
            boolean ownsDataDir) {
        this.process = process;
        this.log = log;
        this.dataDir = dataDir;
        this.port = port;
        this.startupMillis = startupMillis;
        this.ownsDataDir = ownsDataDir;
    }

    /** The packaged jar (system property {@code service.jar}); fails with the command to run when it is missing. */
    public static Path jar() {
        Path jar = Path.of(System.getProperty("service.jar", "target/quarkus-app/quarkus-run.jar")).toAbsolutePath();
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("no packaged service at " + jar + "; run ./mvnw -B verify");
        }
        return jar;
    }

    /**
     * The packaged service started once per log, each with its environment, all at the same moment (as a rolling
     * deploy starts pods); in the logs' order. If one does not start, those that did are stopped and the first failure
     * is thrown.
     */
    public static List<ServiceProcess> startTogether(Map<Path, Map<String, String>> envByLog) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(envByLog.size());
        try {
            List<Future<ServiceProcess>> starts = new ArrayList<>();
            envByLog.forEach((log, env) -> starts.add(pool.submit(() -> start(jar(), log, env))));
            List<ServiceProcess> started = new ArrayList<>();
            AssertionError failed = null;
            for (Future<ServiceProcess> start : starts) {
                try {
                    started.add(start.get());
                } catch (ExecutionException e) {
                    failed = failed == null ? new AssertionError("an instance did not start", e.getCause()) : failed;
                }
            }
            if (failed != null) {
                started.forEach(ServiceProcess::close);
                throw failed;
            }
            return started;
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Starts the jar with a clean environment (no QUARKUS_ or COVENANT_ variables of the caller) plus {@code env},
     * logging to {@code log}, and waits until it is ready.
     */
    public static ServiceProcess start(Path jar, Path log, Map<String, String> env)
            throws IOException, InterruptedException {
        return start(jar, log, env, Files.createTempDirectory("covenant-service-"), true, List.of());
    }

    /** As {@link #start(Path, Path, Map)}, with options for the service's JVM (a small heap, say). */
    public static ServiceProcess start(Path jar, Path log, Map<String, String> env, List<String> jvmOptions)
            throws IOException, InterruptedException {
        return start(jar, log, env, Files.createTempDirectory("covenant-service-"), true, jvmOptions);
    }

    /**
     * As {@link #start(Path, Path, Map)}, with the embedded database's data in {@code dataDir}, which the caller owns
     * (it is kept by {@link #close()}): for a restart on the data a killed service left.
     */
    public static ServiceProcess startIn(Path dataDir, Path jar, Path log, Map<String, String> env)
            throws IOException, InterruptedException {
        return start(jar, log, env, dataDir, false, List.of());
    }

    private static ServiceProcess start(Path jar, Path log, Map<String, String> env, Path dataDir,
            boolean ownsDataDir, List<String> jvmOptions) throws IOException, InterruptedException {
        int port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // As the README runs it: an OutOfMemoryError ends the JVM, so that a supervisor restarts it.
        List<String> command = new ArrayList<>(List.of(java, "-XX:+ExitOnOutOfMemoryError"));
        command.addAll(JVM_ARGS);
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(log.toAbsolutePath().getParent().toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        Map<String, String> environment = builder.environment();
        environment.keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("COVENANT_"));
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.put("COVENANT_DATA_DIR", dataDir.toString());
        environment.put("COVENANT_PUBLIC_URL", "http://localhost:" + port);
        environment.putAll(env);
        long started = System.nanoTime();
        ServiceProcess service = new ServiceProcess(builder.start(), log, dataDir, port, 0, ownsDataDir);
        try {
            long ms = service.awaitReady(started);
            return new ServiceProcess(service.process, log, dataDir, port, ms, ownsDataDir);
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            service.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    public long startupMillis() {
        return startupMillis;
    }

    public Path log() {
        return log;
    }

    public String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The embedded PostgreSQL's JDBC URL (user {@code postgres}, no password), read from the service's log. */
    public String databaseUrl() {
        for (String line : logLines()) {
            Matcher m = DATABASE_PORT.matcher(line);
            if (m.find()) {
                return "jdbc:postgresql://127.0.0.1:" + m.group(1) + "/covenant";
            }
        }
        throw new AssertionError("the service's log does not say where its embedded PostgreSQL listens: " + log);
    }

    public List<String> logLines() {
        try {
            return Files.readAllLines(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return List.of();
        }
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    public long logErrors() {
        return logLines().stream().filter(l -> l.contains(" ERROR ")).count();
    }

    /**
     * Waits until the service's JVM has used less than a tenth of a core in each of two half seconds in a row, or
     * {@code limit} passed, and returns how long that took. For several seconds after it answers ready, a service's
     * JIT compilers still work through the start's code, and a benchmark timed then measures that backlog too.
     */
    public Duration awaitQuiet(Duration limit) throws InterruptedException {
        long started = System.nanoTime();
        long deadline = started + limit.toNanos();
        Duration before = cpu();
        int quiet = 0;
        while (quiet < 2 && System.nanoTime() < deadline) {
            Thread.sleep(500);
            Duration now = cpu();
            quiet = now.minus(before).toMillis() < 50 ? quiet + 1 : 0;
            before = now;
        }
        return Duration.ofNanos(System.nanoTime() - started);
    }

    /** The CPU time the service's JVM has used so far, its threads together. */
    public Duration cpu() {
        return process.info().totalCpuDuration().orElseThrow(
                () -> new IllegalStateException(
                        "this system does not report the CPU time of process " + process.pid()));
    }

    /** How the service ran, for a report. */
    public String describe() {
        return "packaged jar" + (JVM_ARGS.isEmpty() ? "" : " with " + String.join(" ", JVM_ARGS))
                + ", started in " + startupMillis + " ms";
    }

    private long awaitReady(long started) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(url("/q/health/ready"))).timeout(Duration.ofSeconds(5))
                .GET().build();
        long deadline = started + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the service exited with " + process.exitValue() + " before it was ready; see "
                        + log + ":\n" + tail());
            }
            try {
                if (client.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                }
            } catch (IOException e) {
                // Not listening yet.
            }
            // Finely enough for the start-up benchmark to time readiness to within 50 ms.
            Thread.sleep(50);
        }
        throw new AssertionError("the service was not ready within " + READY_TIMEOUT.toSeconds() + " s; see " + log
                + ":\n" + tail());
    }

    public String tail() {
        List<String> lines = logLines();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    /** SIGKILL, as a crash or the OOM killer would: no shutdown hook runs, nothing is finished. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /**
     * SIGKILL to the service and to its embedded PostgreSQL (the server and every process of it), as a power cut, a
     * container's end or the OOM killer taking both would: nothing is flushed that was not flushed already.
     */
    public void killWithDatabase() throws InterruptedException {
        kill();
        for (ProcessHandle server : embeddedServers()) {
            server.descendants().forEach(ProcessHandle::destroyForcibly);
            server.destroyForcibly();
            server.onExit().orTimeout(10, TimeUnit.SECONDS).exceptionally(e -> null).join();
        }
    }

    /** The embedded PostgreSQL servers running on this service's data directory (one at most, unless broken). */
    public List<ProcessHandle> embeddedServers() {
        String pgdata = dataDir.resolve("pgdata").toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains(pgdata)).orElse(false)
                        && p.info().command().map(c -> c.endsWith("/postgres")).orElse(false))
                .toList();
    }

    /** SIGTERM, as a supervisor stops the service; waits for it to exit and returns its exit code. */
    public int terminate(Duration patience) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(patience.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the service did not stop within " + patience.toSeconds() + " s of SIGTERM:\n"
                    + tail());
        }
        return process.exitValue();
    }

    public Path dataDir() {
        return dataDir;
    }

    /** SIGTERM first, so the service stops its embedded PostgreSQL; then by force, with everything it started. */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(45, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        // Whatever outlived the service (a PostgreSQL left behind by a forced stop) goes too.
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        // pg_ctl detaches PostgreSQL from the service's process tree; it is known by its (unique) data directory.
        String pgdata = dataDir.toString();
        ProcessHandle.allProcesses().filter(p -> p.info().commandLine().map(c -> c.contains(pgdata)).orElse(false))
                .forEach(ProcessHandle::destroyForcibly);
        if (ownsDataDir) {
            deleteQuietly(dataDir);
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    // Best effort: a temp directory.
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Best effort.
        }
    }

    /** A local port nothing listens on. */
    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
