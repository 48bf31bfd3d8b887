package dev.covenant.relicensing;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Collection;

/** Small JDBC helpers for the report's queries: arguments bound in order, lists as PostgreSQL arrays. */
final class Rows {

    /** Reads one row. */
    @FunctionalInterface
    interface Reader {
        void row(ResultSet rs) throws SQLException;
    }

    /** A list argument, sent as an array of {@code type}. */
    record Array(String type, Collection<?> values) {
    }

    private Rows() {
    }

    static void query(Connection c, String sql, Reader reader, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                Object arg = args[i];
                if (arg instanceof Array array) {
                    ps.setArray(i + 1, c.createArrayOf(array.type(), array.values().toArray()));
                } else if (arg instanceof Instant instant) {
                    ps.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
                } else {
                    ps.setObject(i + 1, arg);
                }
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.row(rs);
                }
            }
        }
    }

    static Array texts(Collection<String> values) {
        return new Array("text", values);
    }

    static Array longs(Collection<Long> values) {
        return new Array("bigint", values);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
