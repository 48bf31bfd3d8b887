package dev.covenant.relicensing.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import dev.covenant.jdbc.Rows;

/**
 * The name git gives each address in its newest contribution to a repository, as author or co-author, as it is kept
 * with the address's sums ({@code contribution_address.name}). Asked for the rows a page shows.
 */
final class GitNames {

    /** A name, and the date of the contribution it comes from. */
    record Named(String name, Instant at) {
    }

    private GitNames() {
    }

    static Map<String, Named> of(Connection c, String repository, Collection<String> emails) throws SQLException {
        Map<String, Named> names = new HashMap<>();
        if (emails.isEmpty()) {
            return names;
        }
        Rows.query(c, "SELECT email, name, last_at FROM contribution_address WHERE repository = ? AND email = ANY(?)",
                rs -> names.put(rs.getString(1), new Named(rs.getString(2), Rows.instant(rs, "last_at"))),
                repository, Rows.texts(emails));
        return names;
    }
}
