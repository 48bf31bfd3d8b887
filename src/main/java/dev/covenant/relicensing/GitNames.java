package dev.covenant.relicensing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

/**
 * The name git gives each address in its newest contribution to a repository, as author or co-author. Asked only for
 * the rows a page shows: the index by address makes that a few thousand rows read, where naming every contributor
 * of a large history would read them all.
 */
final class GitNames {

    /** A name, and when it was last used. */
    record Named(String name, Instant at) {
    }

    private GitNames() {
    }

    static Map<String, Named> of(Connection c, String repository, Collection<String> emails) throws SQLException {
        Map<String, Named> names = new HashMap<>();
        if (emails.isEmpty()) {
            return names;
        }
        Rows.query(c, "SELECT DISTINCT ON (email) email, name, authored_at FROM (SELECT author_email AS email,"
                + " author_name AS name, authored_at FROM contribution WHERE repository = ? AND author_email = ANY(?)"
                + " UNION ALL SELECT email, name, authored_at FROM contribution_coauthor WHERE repository = ?"
                + " AND email = ANY(?)) credit ORDER BY email, authored_at DESC",
                rs -> names.put(rs.getString(1), new Named(rs.getString(2), Rows.instant(rs, "authored_at"))),
                repository, Rows.texts(emails), repository, Rows.texts(emails));
        return names;
    }
}
