package dev.covenant.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.jboss.logging.Logger;

/**
 * A PostgreSQL server left running on our data directory by a service that died without stopping it ({@code kill -9}
 * of the JVM: the server runs detached, in a process group of its own). PostgreSQL refuses a second server on the
 * directory, so on start the orphan is stopped cleanly first (fast shutdown: its transactions, whose client is dead,
 * roll back; everything committed stays), and only then is a new one started. Never two servers on one directory.
 */
final class OrphanedServer {

    private static final Logger LOG = Logger.getLogger(OrphanedServer.class);
    private static final long FAST_SHUTDOWN_SECONDS = 60;

    private final ProcessHandle process;
    private final Path pgdata;

    private OrphanedServer(ProcessHandle process, Path pgdata) {
        this.process = process;
        this.pgdata = pgdata;
    }

    /**
     * The server named by {@code pgdata/postmaster.pid}, if it is alive and is a postgres of this very directory; a
     * stale file (its process gone, or the pid reused by another program) is left to PostgreSQL, which ignores it.
     */
    static Optional<OrphanedServer> of(Path pgdata) throws IOException {
        Path pidFile = pgdata.resolve("postmaster.pid");
        if (!Files.isRegularFile(pidFile)) {
            return Optional.empty();
        }
        List<String> lines = Files.readAllLines(pidFile);
        if (lines.size() < 2 || !lines.get(0).strip().matches("\\d{1,10}")) {
            return Optional.empty();
        }
        long pid = Long.parseLong(lines.get(0).strip());
        if (!samePath(Path.of(lines.get(1).strip()), pgdata)) {
            return Optional.empty();
        }
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(p -> isPostgresOf(p, pgdata))
                .map(p -> new OrphanedServer(p, pgdata));
    }

    /** Its program is a {@code postgres} and its arguments name the directory ({@code -D pgdata}). */
    private static boolean isPostgresOf(ProcessHandle process, Path pgdata) {
        List<String> arguments;
        try {
            // NUL-separated and readable for any process, even one in another user namespace.
            String cmdline = Files.readString(Path.of("/proc", Long.toString(process.pid()), "cmdline"));
            arguments = List.of(cmdline.split("\0"));
        } catch (IOException e) {
            arguments = process.info().commandLine().map(c -> List.of(c.split(" "))).orElse(List.of());
        }
        return !arguments.isEmpty() && arguments.get(0).endsWith("postgres")
                && arguments.stream().anyMatch(a -> a.equals(pgdata.toString()) || a.contains(pgdata.toString()));
    }

    long pid() {
        return process.pid();
    }

    /** Fast shutdown (SIGINT), then waits for the server to exit; SIGQUIT (immediate) if it has not in a minute. */
    void stop() throws IOException {
        LOG.warnf("A PostgreSQL server (pid %d) of a previous run is still running on %s; stopping it before starting",
                process.pid(), pgdata);
        signal("INT");
        if (awaitExit(FAST_SHUTDOWN_SECONDS)) {
            return;
        }
        LOG.warnf("PostgreSQL (pid %d) did not stop within %d s; stopping it immediately (it recovers on start)",
                process.pid(), FAST_SHUTDOWN_SECONDS);
        signal("QUIT");
        if (!awaitExit(30)) {
            throw new IOException("The PostgreSQL server (pid " + process.pid() + ") on " + pgdata
                    + " does not stop; stop it by hand before starting the service");
        }
    }

    private void signal(String name) throws IOException {
        try {
            Process kill = new ProcessBuilder("kill", "-" + name, Long.toString(process.pid())).inheritIO().start();
            kill.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while signalling PostgreSQL (pid " + process.pid() + ")", e);
        }
    }

    private boolean awaitExit(long seconds) throws IOException {
        try {
            process.onExit().get(seconds, TimeUnit.SECONDS);
            return true;
        } catch (TimeoutException e) {
            return !process.isAlive();
        } catch (ExecutionException e) {
            throw new IOException("Could not wait for PostgreSQL (pid " + process.pid() + ") to stop", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("Interrupted while waiting for PostgreSQL (pid " + process.pid() + ")", e);
        }
    }

    private static boolean samePath(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
