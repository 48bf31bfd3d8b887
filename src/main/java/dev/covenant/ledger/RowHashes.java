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

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

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
        ObjectNode row = JsonNodeFactory.instance.objectNode();
        for (int i = 1; i <= meta.getColumnCount(); i++) {
            String name = meta.getColumnName(i);
            if (rs.getObject(i) == null) {
                continue;
            }
            switch (meta.getColumnTypeName(i)) {
                case "timestamptz" -> row.put(name, rs.getObject(i, OffsetDateTime.class).toInstant().toString());
                case "date" -> row.put(name, rs.getObject(i, LocalDate.class).toString());
                case "int2", "int4", "int8", "serial", "bigserial" -> row.put(name, rs.getLong(i));
                case "bool" -> row.put(name, rs.getBoolean(i));
                default -> row.put(name, rs.getString(i));
            }
        }
        return Sha256.hex(table.table() + "\n" + CanonicalJson.write(row));
    }
}
