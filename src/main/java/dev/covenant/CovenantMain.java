package dev.covenant;

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import io.quarkus.runtime.Application;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import org.jboss.logging.Logger;

import dev.covenant.embedded.EmbeddedDatabase;

/**
 * Starts the embedded PostgreSQL before Quarkus when no external database is configured, so that a fresh machine
 * needs nothing installed, and stops it after Quarkus has shut down.
 */
@QuarkusMain
public class CovenantMain {

    private static final Logger LOG = Logger.getLogger(CovenantMain.class);
    /** Held so the level set on it is not lost when the logger is collected. */
    private static final java.util.logging.Logger QUIET_LIBRARY = java.util.logging.Logger.getLogger("io.zonky");

    public static void main(String... args) throws Exception {
        if (externalDatabaseConfigured()) {
            Quarkus.run(args);
            return;
        }
        // Before Quarkus configures logging, everything logs at every level; keep the database library quiet.
        QUIET_LIBRARY.setLevel(java.util.logging.Level.WARNING);
        Path dataDir = dataDirectory();
        long started = System.nanoTime();
        EmbeddedDatabase database = EmbeddedDatabase.start(dataDir);
        LOG.infof("Embedded PostgreSQL started in %d ms on port %d, data in %s",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started), database.port(), dataDir.resolve("pgdata"));
        System.setProperty("quarkus.datasource.jdbc.url", database.jdbcUrl());
        System.setProperty("quarkus.datasource.username", EmbeddedDatabase.USER);

        Runtime.getRuntime()
                .addShutdownHook(new Thread(() -> stopAfterQuarkus(database), "covenant-embedded-postgres-stop"));
        Quarkus.run(args);
    }

    /** Runs in a JVM shutdown hook, beside Quarkus's own: the database must outlive the application's shutdown. */
    private static void stopAfterQuarkus(EmbeddedDatabase database) {
        // Not isStarted(): once Quarkus's own hook has begun stopping, it answers false, and the database would go
        // while the workers still give their deliveries back. A start that failed is stopped already.
        Application application = Application.currentApplication();
        if (application != null) {
            Thread waiter = new Thread(application::awaitShutdown, "covenant-await-quarkus-stop");
            waiter.setDaemon(true);
            waiter.start();
            try {
                waiter.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        try {
            database.close();
        } catch (Exception e) {
            LOG.error("Could not stop the embedded PostgreSQL cleanly", e);
        }
    }

    static boolean externalDatabaseConfigured() {
        return notBlank(System.getenv("QUARKUS_DATASOURCE_JDBC_URL"))
                || notBlank(System.getProperty("quarkus.datasource.jdbc.url"));
    }

    static Path dataDirectory() {
        String configured = System.getProperty("covenant.data-dir");
        if (!notBlank(configured)) {
            configured = System.getenv("COVENANT_DATA_DIR");
        }
        if (notBlank(configured)) {
            return Path.of(configured).toAbsolutePath();
        }
        return Path.of(System.getProperty("user.home"), ".covenant");
    }

    private static boolean notBlank(String value) {
        return value != null && !value.isBlank();
    }
}
