package dev.covenant.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.postgresql.PGStatement;

/** Small JDBC helpers for set-based queries: arguments bound in order, lists as PostgreSQL arrays. */
public final class Rows {

    /** Reads one row. */
    @FunctionalInterface
    public interface Reader {
        void row(ResultSet rs) throws SQLException;
    }

    /** Work done on one connection. */
    @FunctionalInterface
    public interface Work<T> {
        T on(Connection c) throws SQLException;
    }

    /** Turns one row into a value. */
    @FunctionalInterface
    public interface Mapper<T> {
        T row(ResultSet rs) throws SQLException;
    }

    /** A list argument, sent as an array of {@code type}; a {@code Long[]} or {@code String[]} is sent as is. */
    public record Array(String type, Collection<?> values) {
    }

    private Rows() {
    }

    public static void query(Connection c, String sql, Reader reader, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            // Binary results from the first run: a timestamp then arrives as eight bytes, not text to parse, which
            // counts when a report reads a hundred thousand rows. Not where the connection prepares nothing on the
            // server (prepareThreshold=0, through a transaction-mode pooler): the named statement this prepares would
            // be missing from the server session that runs the next transaction.
            PGStatement pg = ps.unwrap(PGStatement.class);
            if (pg.getPrepareThreshold() > 0) {
                pg.setPrepareThreshold(-1);
            }
            bind(c, ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    reader.row(rs);
                }
            }
        }
    }

    /** Rows changed by an INSERT, UPDATE or DELETE. */
    public static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bind(c, ps, args);
            return ps.executeUpdate();
        }
    }

    private static void bind(Connection c, PreparedStatement ps, Object... args) throws SQLException {
        for (int i = 0; i < args.length; i++) {
            Object arg = args[i];
            if (arg instanceof Array array) {
                ps.setArray(i + 1, c.createArrayOf(array.type(), array.values().toArray()));
            } else if (arg instanceof Long[] longs) {
                ps.setArray(i + 1, c.createArrayOf("bigint", longs));
            } else if (arg instanceof String[] texts) {
                ps.setArray(i + 1, c.createArrayOf("text", texts));
            } else if (arg instanceof Instant instant) {
                ps.setObject(i + 1, instant.atOffset(ZoneOffset.UTC));
            } else {
                ps.setObject(i + 1, arg);
            }
        }
    }

    /** Every row as a value, in order. */
    public static <T> List<T> list(Connection c, String sql, Mapper<T> mapper, Object... args) throws SQLException {
        List<T> found = new ArrayList<>();
        query(c, sql, rs -> found.add(mapper.row(rs)), args);
        return found;
    }

    /** The first row as a value, or empty when the query returns none. */
    public static <T> Optional<T> first(Connection c, String sql, Mapper<T> mapper, Object... args)
            throws SQLException {
        List<T> found = new ArrayList<>(1);
        query(c, sql, rs -> {
            if (found.isEmpty()) {
                found.add(mapper.row(rs));
            }
        }, args);
        return found.stream().findFirst();
    }

    public static Array texts(Collection<String> values) {
        return new Array("text", values);
    }

    public static Array longs(Collection<Long> values) {
        return new Array("bigint", values);
    }

    /** Read as an {@link OffsetDateTime}: {@code getTimestamp} goes through a {@code Calendar}, several times slower. */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
