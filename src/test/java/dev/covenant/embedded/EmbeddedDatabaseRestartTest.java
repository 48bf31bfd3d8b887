package dev.covenant.embedded;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

class EmbeddedDatabaseRestartTest {

    @Test
    void committedDataSurvivesAStopAndAStart() throws Exception {
        Path dir = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "restart-");
        try (EmbeddedDatabase first = EmbeddedDatabase.start(dir);
                Connection c = DriverManager.getConnection(first.jdbcUrl(), EmbeddedDatabase.USER, "");
                Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (v text)");
            s.execute("INSERT INTO kept VALUES ('still here')");
        }
        try (EmbeddedDatabase second = EmbeddedDatabase.start(dir);
                Connection c = DriverManager.getConnection(second.jdbcUrl(), EmbeddedDatabase.USER, "");
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT v FROM kept")) {
            rs.next();
            assertEquals("still here", rs.getString(1));
        }
    }
}
