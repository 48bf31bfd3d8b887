package dev.covenant.inbox;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import dev.covenant.embedded.EmbeddedDatabase;

/**
 * The database two instances share in {@link TwoInstanceStormIT}: a fresh one on the PostgreSQL server that
 * {@code COVENANT_IT_POSTGRES} names ({@code host:port}, user {@code postgres} or {@code COVENANT_IT_POSTGRES_USER},
 * no password), dropped by {@link #close()}. Without it, an embedded server of the test's own, said in one loud line;
 * with {@code COVENANT_REQUIRE_IT_POSTGRES=true} (as {@code .ci/run} sets it), its absence is a failure instead.
 */
final class StormDatabase implements AutoCloseable {

    static final String SERVER = "COVENANT_IT_POSTGRES";
    static final String REQUIRE = "COVENANT_REQUIRE_IT_POSTGRES";

    private final String url;
    private final String user;
    private final String adminUrl;
    private final String name;
    private final EmbeddedDatabase embedded;

    private StormDatabase(String url, String user, String adminUrl, String name, EmbeddedDatabase embedded) {
        this.url = url;
        this.user = user;
        this.adminUrl = adminUrl;
        this.name = name;
        this.embedded = embedded;
    }

    /** A fresh database named {@code prefix} and a unique suffix on the server, or an embedded one. */
    static StormDatabase create(String prefix) throws IOException, SQLException {
        String server = System.getenv(SERVER);
        if (server == null || server.isBlank()) {
            if ("true".equals(System.getenv(REQUIRE))) {
                throw new AssertionError(REQUIRE + "=true but " + SERVER
                        + " names no PostgreSQL server (host:port, user postgres, trust authentication)");
            }
            System.out.println("!!! " + SERVER + " is not set: the two instances share an embedded PostgreSQL"
                    + " instead of a PostgreSQL server (CI sets it to the machine's server)");
            EmbeddedDatabase database = EmbeddedDatabase.start(Files.createTempDirectory("covenant-storm-db-"));
            return new StormDatabase(database.jdbcUrl(), EmbeddedDatabase.USER, null, null, database);
        }
        String user = System.getenv().getOrDefault("COVENANT_IT_POSTGRES_USER", "postgres");
        String adminUrl = "jdbc:postgresql://" + server.strip() + "/postgres";
        String name = prefix + "_" + System.currentTimeMillis() + "_" + ProcessHandle.current().pid();
        try (Connection c = DriverManager.getConnection(adminUrl, user, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        return new StormDatabase("jdbc:postgresql://" + server.strip() + "/" + name, user, adminUrl, name, null);
    }

    String jdbcUrl() {
        return url;
    }

    String user() {
        return user;
    }

    /** Where it runs, for the report. */
    String describe() {
        return embedded == null
                ? "PostgreSQL server " + System.getenv(SERVER) + ", database " + name
                : "an embedded PostgreSQL";
    }

    /** The first column of the first row, as text; null when there is none. */
    String text(String sql, Object... args) {
        try (Connection c = DriverManager.getConnection(url, user, "");
                var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    long count(String sql, Object... args) {
        return Long.parseLong(text(sql, args));
    }

    /** Drops the database (its last sessions with it) or stops the embedded server. */
    @Override
    public void close() throws IOException {
        if (embedded != null) {
            embedded.close();
            return;
        }
        try (Connection c = DriverManager.getConnection(adminUrl, user, "");
                Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            throw new IOException("could not drop the test database " + name + ": " + e.getMessage(), e);
        }
    }
}
