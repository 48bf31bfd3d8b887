package dev.covenant.relicensing.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.covenant.jdbc.Rows;

/**
 * The addresses each address of a repository's history was written as before the {@code .mailmap} mapped it
 * ({@code contribution_raw_address}, kept by the import): a few rows per person who changed address.
 */
final class WrittenAddresses {

    private WrittenAddresses() {
    }

    static Map<String, List<String>> of(Connection c, String repository) throws SQLException {
        Map<String, List<String>> written = new HashMap<>();
        Rows.query(c, "SELECT email, raw_email FROM contribution_raw_address WHERE repository = ?",
                rs -> written.computeIfAbsent(rs.getString(1), k -> new ArrayList<>(2)).add(rs.getString(2)),
                repository);
        return written;
    }
}
