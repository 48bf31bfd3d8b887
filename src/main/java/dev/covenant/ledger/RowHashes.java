package dev.covenant.ledger;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import dev.covenant.api.Sha256;
import dev.covenant.jdbc.Rows;

/**
 * A protected row's hash, read from the database the same way when an entry is written and when it is verified:
 * SHA-256 over the table's name, a newline and the canonical JSON of the row's columns. Times are written as UTC
 * instants, dates as ISO dates, integers and booleans as JSON values, anything else as text. A null column is left out,
 * so a column added to the table later, empty in old rows, does not change their hashes; setting or clearing a value
 * does.
 */
final class RowHashes {

    private RowHashes() {
    }

    /** The hashes of the rows that exist among {@code ids}, by id; a missing id is a deleted row. */
    static Map<String, String> of(Connection c, ProtectedTable table, Collection<String> ids) throws SQLException {
        Map<String, String> hashes = new HashMap<>();
        String sql = "SELECT * FROM " + table.table() + " WHERE " + table.idColumn() + " = ANY(?::" + table.idType()
                + "[])";
        Rows.query(c, sql, rs -> hashes.put(rs.getString(table.idColumn()), hash(table, rs)), Rows.texts(ids));
        return hashes;
    }

    private static String hash(ProtectedTable table, ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        Map<String, Object> columns = new HashMap<>();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            if (rs.getObject(i) == null) {
                continue;
            }
            columns.put(meta.getColumnName(i), switch (meta.getColumnTypeName(i)) {
                case "timestamptz" -> rs.getObject(i, OffsetDateTime.class).toInstant();
                case "date" -> rs.getObject(i, LocalDate.class);
                case "int2", "int4", "int8", "serial", "bigserial" -> rs.getLong(i);
                case "bool" -> rs.getBoolean(i);
                default -> rs.getString(i);
            });
        }
        return of(table, columns);
    }

    /**
     * The hash of a row from its columns' values as the database holds them (an instant for a timestamptz, a date, a
     * long or an int, a boolean, text for the rest; null or absent for a null column): what a writer that knows every
     * column of the rows it wrote uses instead of reading them back.
     */
    static String of(ProtectedTable table, Map<String, ?> columns) {
        TreeMap<String, Object> sorted = new TreeMap<>();
        columns.forEach((name, value) -> {
            if (value != null) {
                sorted.put(name, value);
            }
        });
        StringBuilder out = new StringBuilder(512).append(table.table()).append('\n').append('{');
        String separator = "";
        for (Map.Entry<String, Object> column : sorted.entrySet()) {
            out.append(separator);
            separator = ",";
            CanonicalJson.string(out, column.getKey());
            out.append(':');
            Object value = column.getValue();
            if (value instanceof Long || value instanceof Integer || value instanceof Boolean) {
                out.append(value);
            } else {
                CanonicalJson.string(out, value.toString());
            }
        }
        return Sha256.hex(out.append('}'));
    }
}
