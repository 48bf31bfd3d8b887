package dev.covenant.jdbc;

import java.sql.Connection;
import java.sql.SQLException;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY ... FROM STDIN} on a connection: rows are encoded into a {@link CopyRows} buffer and sent whenever it
 * fills, so PostgreSQL writes them while the caller encodes the next ones. Closing a stream that was not finished
 * cancels the statement: none of its rows are written.
 */
public final class CopyStream implements AutoCloseable {

    private final CopyIn copy;
    /** Made on the first row: a stream given rows already encoded ({@link #write}) needs no buffer of its own. */
    private CopyRows rows;

    private CopyStream(CopyIn copy) {
        this.copy = copy;
    }

    /** Starts {@code sql}, a {@code COPY table (columns) FROM STDIN} in the text format, on {@code c}. */
    public static CopyStream open(Connection c, String sql) throws SQLException {
        return new CopyStream(c.unwrap(PGConnection.class).getCopyAPI().copyIn(sql));
    }

    /** The current row's buffer: add its columns, then {@link #endRow()}. */
    public CopyRows row() {
        if (rows == null) {
            rows = new CopyRows();
        }
        return rows;
    }

    /** Sends rows encoded elsewhere ({@link EncodedCopy}), after any buffered here. */
    public void write(byte[] encoded, int offset, int length) throws SQLException {
        send();
        copy.writeToCopy(encoded, offset, length);
    }

    /** Ends the current row; sends what is buffered once it is large. */
    public void endRow() throws SQLException {
        rows.endRow();
        sendIfFull();
    }

    /** Sends what is buffered once it is large, for a caller that ends its rows on {@link #row()} itself. */
    public void sendIfFull() throws SQLException {
        if (rows != null && rows.full()) {
            send();
        }
    }

    /** Sends the rest and ends the statement; how many rows PostgreSQL wrote. */
    public long finish() throws SQLException {
        send();
        return copy.endCopy();
    }

    private void send() throws SQLException {
        if (rows != null && rows.length() > 0) {
            copy.writeToCopy(rows.bytes(), 0, rows.length());
            rows.clear();
        }
    }

    @Override
    public void close() throws SQLException {
        if (copy.isActive()) {
            copy.cancelCopy();
        }
    }
}
