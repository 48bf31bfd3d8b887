package dev.covenant.embedded;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A PostgreSQL server of our own, started from the binaries that ship with the service, keeping its data in a
 * directory that survives restarts. It is the default when no external database is configured.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    /** The database the service uses inside the embedded server. */
    public static final String DATABASE = "covenant";
    public static final String USER = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedDatabase(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    /**
     * Starts the server on a free local port with its data in {@code dataDirectory/pgdata}, creating and initialising
     * the directory on first use, and makes sure the service's database exists. A server that a killed service left
     * running on the same directory is stopped first ({@link OrphanedServer}).
     */
    public static EmbeddedDatabase start(Path dataDirectory) throws IOException {
        Path binaries = dataDirectory.resolve("pg-binaries");
        PostgresBinaries.prepare(binaries);
        Path pgdata = dataDirectory.resolve("pgdata");
        Files.createDirectories(dataDirectory);
        Optional<OrphanedServer> orphan = OrphanedServer.of(pgdata);
        if (orphan.isPresent()) {
            orphan.get().stop();
        }
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setOverrideWorkingDirectory(binaries.toFile())
                .setDataDirectory(pgdata)
                .setCleanDataDirectory(false)
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("listen_addresses", "127.0.0.1")
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", "on")
                // The library's default is off; a commit (a webhook's 202, a signature) must be on disk when it returns.
                .setServerConfig("synchronous_commit", "on")
                .start();
        EmbeddedDatabase database = new EmbeddedDatabase(postgres);
        try {
            database.createServiceDatabase();
        } catch (SQLException e) {
            database.close();
            throw new IOException("Could not create the " + DATABASE + " database in the embedded PostgreSQL", e);
        }
        return database;
    }

    private void createServiceDatabase() throws SQLException {
        try (Connection connection = postgres.getPostgresDatabase().getConnection();
                Statement statement = connection.createStatement()) {
            try (ResultSet rs = statement
                    .executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (rs.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + DATABASE;
    }

    /** Stops the server (fast shutdown: open transactions are rolled back, committed data is safe). */
    @Override
    public void close() throws IOException {
        postgres.close();
    }
}
