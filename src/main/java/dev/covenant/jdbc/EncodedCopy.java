package dev.covenant.jdbc;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;

/**
 * Rows encoded for one {@code COPY ... FROM STDIN} ahead of time, to be sent later and from another thread: in a
 * pipeline the preparing side encodes, and the sending side only writes bytes and waits for PostgreSQL, so that
 * PostgreSQL is not left idle while the sender encodes.
 */
public final class EncodedCopy {

    private final String sql;
    private final byte[] data;
    private final int rows;

    private EncodedCopy(String sql, byte[] data, int rows) {
        this.sql = sql;
        this.data = data;
        this.rows = rows;
    }

    /**
     * The {@code rows} rows {@code encoded} holds, copied out for {@code sql} (a {@code COPY table (columns) FROM
     * STDIN} in the text format); {@code encoded} is cleared for the next ones.
     */
    public static EncodedCopy take(String sql, CopyRows encoded, int rows) {
        EncodedCopy copy = new EncodedCopy(sql, Arrays.copyOf(encoded.bytes(), encoded.length()), rows);
        encoded.clear();
        return copy;
    }

    /** Writes the rows with one {@code COPY} on {@code c}; fails, writing none, unless PostgreSQL takes every one. */
    public void send(Connection c) throws SQLException {
        try (CopyStream copy = CopyStream.open(c, sql)) {
            copy.write(data, 0, data.length);
            long written = copy.finish();
            if (written != rows) {
                throw new IllegalStateException("PostgreSQL wrote " + written + " of " + rows + " rows: " + sql);
            }
        }
    }
}
