package dev.covenant;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;

/**
 * A real PgBouncer in transaction mode, in a process of its own on a free port, in front of databases of one
 * PostgreSQL server; the config file is written here. Without PgBouncer installed the test that asks for one is
 * skipped with one loud line, unless {@code COVENANT_REQUIRE_PGBOUNCER=true} (as CI sets it): then it fails and says
 * what to install.
 */
public final class PgBouncer implements AutoCloseable {

    private static final List<Path> PLACES = List.of(Path.of("/usr/sbin/pgbouncer"), Path.of("/usr/bin/pgbouncer"));
    private static final Duration READY_TIMEOUT = Duration.ofSeconds(20);

    private final Process process;
    private final int port;
    private final Path log;

    private PgBouncer(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The PgBouncer binary: skips the calling test (or fails, if CI requires it) when there is none. */
    public static Path binary() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(":"))
                .filter(dir -> !dir.isBlank()).map(dir -> Path.of(dir, "pgbouncer"));
        return Stream.concat(onPath, PLACES.stream()).filter(Files::isExecutable).findFirst().orElseGet(() -> {
            String missing = "PgBouncer is not installed: apt-get install -y pgbouncer (Debian's package, as .ci/run"
                    + " installs it)";
            if ("true".equals(System.getenv("COVENANT_REQUIRE_PGBOUNCER"))) {
                throw new AssertionError(missing + "; COVENANT_REQUIRE_PGBOUNCER=true does not let the test skip");
            }
            System.err.println("SKIPPING A PGBOUNCER TEST: " + missing);
            Assumptions.abort(missing);
            return null;
        });
    }

    /**
     * Starts PgBouncer in transaction mode with {@code serverConnections} server connections per database, serving
     * each of {@code databases} of the server at {@code 127.0.0.1:serverPort} under its own name (user postgres,
     * trusted), and logs to {@code log}.
     */
    public static PgBouncer start(int serverPort, List<String> databases, int serverConnections, Path log)
            throws IOException, InterruptedException {
        Path binary = binary();
        // Readable by everyone: PgBouncer refuses to run as root and, started as root, runs as nobody.
        Path dir = Files.createTempDirectory("covenant-pgbouncer-",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        int port = ServiceProcess.freePort();
        StringBuilder ini = new StringBuilder("[databases]\n");
        for (String database : databases) {
            ini.append(database).append(" = host=127.0.0.1 port=").append(serverPort).append(" dbname=")
                    .append(database).append('\n');
        }
        ini.append("[pgbouncer]\n")
                .append("listen_addr = 127.0.0.1\nlisten_port = ").append(port).append('\n')
                .append("unix_socket_dir =\n")
                .append("auth_type = trust\nauth_file = ").append(dir.resolve("users.txt")).append('\n')
                .append("pool_mode = transaction\n")
                .append("default_pool_size = ").append(serverConnections).append('\n')
                .append("max_client_conn = 500\n")
                // The JDBC driver sends it at connect; PgBouncer refuses parameters it does not know unless told.
                .append("ignore_startup_parameters = extra_float_digits\n");
        Files.writeString(dir.resolve("users.txt"), "\"postgres\" \"\"\n");
        Path config = Files.writeString(dir.resolve("pgbouncer.ini"), ini);
        List<String> command = new ArrayList<>(List.of(binary.toString()));
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("-u", "nobody"));
        }
        command.add(config.toString());
        Files.createDirectories(log.toAbsolutePath().getParent());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        PgBouncer bouncer = new PgBouncer(process, port, log);
        try {
            bouncer.awaitListening();
            return bouncer;
        } catch (IOException | InterruptedException | RuntimeException | Error e) {
            bouncer.close();
            throw e;
        }
    }

    public int port() {
        return port;
    }

    /** The JDBC URL of {@code database} through this PgBouncer. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Its version line, as {@code pgbouncer --version} prints it. */
    public static String version() throws IOException, InterruptedException {
        Process p = new ProcessBuilder(binary().toString(), "--version").redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes()).lines().findFirst().orElse("");
        p.waitFor(10, TimeUnit.SECONDS);
        return out;
    }

    private void awaitListening() throws IOException, InterruptedException {
        long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        "PgBouncer exited with " + process.exitValue() + ":\n" + Files.readString(log));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException e) {
                Thread.sleep(100);
            }
        }
        throw new AssertionError("PgBouncer did not listen within " + READY_TIMEOUT.toSeconds() + " s:\n"
                + Files.readString(log));
    }

    /** A plain connection through PgBouncer, as the service's driver makes one. */
    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
