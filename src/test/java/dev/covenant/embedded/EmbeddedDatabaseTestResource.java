package dev.covenant.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One real PostgreSQL per test JVM: the same embedded server the service uses by default, with a fresh data
 * directory under target/ so every run starts from an empty database.
 */
public class EmbeddedDatabaseTestResource implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedDatabase database;

    @Override
    public synchronized Map<String, String> start() {
        try {
            if (database == null) {
                Path dir = Path.of("target", "test-postgres").toAbsolutePath();
                deleteTree(dir.resolve("pgdata"));
                database = EmbeddedDatabase.start(dir);
                Runtime.getRuntime().addShutdownHook(new Thread(EmbeddedDatabaseTestResource::stopQuietly));
            }
            return Map.of("quarkus.datasource.jdbc.url", database.jdbcUrl(),
                    "quarkus.datasource.username", EmbeddedDatabase.USER);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The server outlives each Quarkus test application; it stops with the JVM. */
    @Override
    public void stop() {
    }

    public static String jdbcUrl() {
        return database.jdbcUrl();
    }

    private static void stopQuietly() {
        try {
            database.close();
        } catch (IOException e) {
            System.err.println("Could not stop the test PostgreSQL: " + e);
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(path)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
