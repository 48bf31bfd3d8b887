package dev.covenant;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import dev.covenant.embedded.EmbeddedDatabase;

/**
 * Instances of a rolling deploy start at the same moment on one fresh database: every one of them comes up, and what
 * start-up writes (the schema, the admin token, the shipped agreements) is written once.
 */
class ConcurrentStartIT {

    private static final int INSTANCES = 3;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private static EmbeddedDatabase server;
    private static int databases;

    @BeforeAll
    static void start() throws IOException {
        server = EmbeddedDatabase.start(Files.createTempDirectory("covenant-it-start-"));
    }

    @AfterAll
    static void stop() throws IOException {
        server.close();
    }

    @Test
    void instancesStartedTogetherWithAConfiguredTokenAllComeUpAndStoreItOnce() throws Exception {
        String url = freshDatabase();
        List<ServiceProcess> services = startTogether(url, Map.of("COVENANT_ADMIN_TOKEN", "it-start-token"));
        try {
            for (ServiceProcess service : services) {
                HttpResponse<String> agreements = HTTP.send(HttpRequest.newBuilder(URI.create(
                        service.url("/api/agreements"))).header("Authorization", "Bearer it-start-token").build(),
                        HttpResponse.BodyHandlers.ofString());
                assertEquals(200, agreements.statusCode(), service.tail());
            }
            assertEquals(1, count(url, "SELECT count(*) FROM api_token"));
            assertEquals(2, count(url, "SELECT count(*) FROM agreement"), "the shipped agreements, once each");
            assertEquals(2, count(url, "SELECT count(*) FROM agreement_version"));
        } finally {
            services.forEach(ServiceProcess::close);
        }
    }

    @Test
    void instancesStartedTogetherWithoutATokenGenerateExactlyOne() throws Exception {
        String url = freshDatabase();
        List<ServiceProcess> services = startTogether(url, Map.of());
        try {
            long generated = services.stream().filter(s -> s.logLines().stream()
                    .anyMatch(l -> l.contains("Generated the first admin API token"))).count();
            assertEquals(1, generated, "one instance generates the token and shows it; the others find it");
            assertEquals(1, count(url, "SELECT count(*) FROM api_token"));
        } finally {
            services.forEach(ServiceProcess::close);
        }
    }

    private static List<ServiceProcess> startTogether(String url, Map<String, String> extra) throws Exception {
        Map<String, String> env = new HashMap<>(extra);
        env.put("QUARKUS_DATASOURCE_JDBC_URL", url);
        env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
        Path logs = Files.createDirectories(Path.of("target", "it").toAbsolutePath());
        Map<Path, Map<String, String>> envs = new LinkedHashMap<>();
        for (int i = 0; i < INSTANCES; i++) {
            envs.put(logs.resolve("concurrent-start-" + databases + "-" + i + ".log"), env);
        }
        return ServiceProcess.startTogether(envs);
    }

    private static String freshDatabase() throws SQLException {
        String name = "start_" + (++databases);
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), EmbeddedDatabase.USER, "")) {
            c.createStatement().execute("CREATE DATABASE " + name);
        }
        return "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + name;
    }

    private static long count(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, EmbeddedDatabase.USER, "");
                var rows = c.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
