package dev.covenant;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import dev.covenant.embedded.EmbeddedDatabase;

/** What the integration tests read from the database their service processes share. */
public final class ItDatabase {

    private ItDatabase() {
    }

    /** The first column of the first row, as text; null when there is none. */
    public static String text(EmbeddedDatabase database, String sql, Object... args) throws SQLException {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), EmbeddedDatabase.USER, "");
                var statement = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getString(1) : null;
            }
        }
    }
}
