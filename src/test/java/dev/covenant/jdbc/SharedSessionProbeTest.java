package dev.covenant.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.postgresql.ds.PGSimpleDataSource;

import dev.covenant.PgBouncer;
import dev.covenant.embedded.EmbeddedDatabase;

/**
 * The start-up check against real connections: sessions of their own are never taken for a pooler's, and a real
 * PgBouncer in transaction mode is seen, with one server connection or several.
 */
class SharedSessionProbeTest {

    private static EmbeddedDatabase server;

    @BeforeAll
    static void start() throws Exception {
        server = EmbeddedDatabase.start(Files.createTempDirectory("covenant-probe-"));
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
    }

    private static PGSimpleDataSource dataSource(String url) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(url);
        source.setUser(EmbeddedDatabase.USER);
        return source;
    }

    @Test
    void connectionsOfTheirOwnAreNeverTakenForAPoolersEvenWhenAsked100Times() throws Exception {
        PGSimpleDataSource direct = dataSource(server.jdbcUrl());
        for (int i = 0; i < 100; i++) {
            assertEquals(Optional.empty(), SharedSessionProbe.sharedSessions(direct));
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 2, 6})
    void aPgBouncerInTransactionModeIsSeen(int serverConnections) throws Exception {
        Path log = Path.of("target", "pgbouncer-probe-" + serverConnections + ".log");
        try (PgBouncer bouncer = PgBouncer.start(server.port(), List.of(EmbeddedDatabase.DATABASE), serverConnections,
                log)) {
            // Other clients have been busy at once: the pool holds more than one server connection, if it may, and
            // their driver named its COMMIT in one of them, which the probe's own must not collide with.
            try (Connection x = bouncer.connect(EmbeddedDatabase.DATABASE);
                    Connection y = bouncer.connect(EmbeddedDatabase.DATABASE)) {
                x.setAutoCommit(false);
                x.createStatement().execute("SELECT 1");
                if (serverConnections > 1) {
                    y.createStatement().execute("SELECT 1");
                }
                x.commit();
            }
            Optional<String> seen = SharedSessionProbe
                    .sharedSessions(dataSource(bouncer.jdbcUrl(EmbeddedDatabase.DATABASE)));
            assertTrue(seen.isPresent(),
                    "not seen through PgBouncer with " + serverConnections + " server connections");
            assertTrue(PoolerCheck.refusal(seen.get()).contains("COVENANT_DATABASE_POOLER=transaction"));
        }
    }
}
