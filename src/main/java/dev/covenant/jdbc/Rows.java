package dev.covenant.jdbc;

import java.nio.ByteBuffer;
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

import org.postgresql.PGResultSetMetaData;
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

    /** 2000-01-01T00:00:00Z, where PostgreSQL counts its timestamps from, in seconds since the epoch. */
    private static final long POSTGRES_EPOCH = 946_684_800L;
    /** {@link PGResultSetMetaData#getFormat}'s binary format. */
    private static final int BINARY = 1;

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
            // Text and bigint arrays go as Java arrays, which the driver sends in PostgreSQL's binary form: through
            // createArrayOf it writes and escapes an array literal that the server then parses, a tenth of a large
            // report's time for its hundred thousand addresses.
            if (arg instanceof Array array && array.type().equals("text")) {
                ps.setObject(i + 1, array.values().toArray(new String[0]));
            } else if (arg instanceof Array array && array.type().equals("bigint")) {
                ps.setObject(i + 1, array.values().toArray(new Long[0]));
            } else if (arg instanceof Array array) {
                ps.setArray(i + 1, c.createArrayOf(array.type(), array.values().toArray()));
            } else if (arg instanceof Long[] || arg instanceof String[]) {
                ps.setObject(i + 1, arg);
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

    /**
     * A {@code timestamptz} as an instant. From the binary results {@link #query} asks for, its eight bytes are read
     * as they are (microseconds since 2000-01-01 UTC): the driver's {@code OffsetDateTime} and {@code Timestamp} both
     * build a new {@code ZoneRules} per value, a sixth of a large report's time. Only for {@code timestamptz} columns
     * (the schema has no other time of day): the type is not looked up per value, which cost as much again. Text
     * results and infinities go through the driver.
     */
    public static Instant instant(ResultSet rs, String column) throws SQLException {
        int i = rs.findColumn(column);
        if (rs.getMetaData().unwrap(PGResultSetMetaData.class).getFormat(i) == BINARY) {
            byte[] raw = rs.getBytes(i);
            if (raw == null) {
                return null;
            }
            if (raw.length == Long.BYTES) {
                long micros = ByteBuffer.wrap(raw).getLong();
                if (micros != Long.MAX_VALUE && micros != Long.MIN_VALUE) {
                    return Instant.ofEpochSecond(POSTGRES_EPOCH + Math.floorDiv(micros, 1_000_000L),
                            Math.floorMod(micros, 1_000_000L) * 1_000L);
                }
            }
        }
        OffsetDateTime t = rs.getObject(i, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
