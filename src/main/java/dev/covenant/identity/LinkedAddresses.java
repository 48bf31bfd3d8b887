package dev.covenant.identity;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.covenant.jdbc.Rows;

/**
 * Reads the maintainers' links in force for a repository ({@code address_link}); writing them, with their ledger
 * entries, is the signing room's job.
 */
public final class LinkedAddresses {

    /** A link in force, with who made it, when, why, and its ledger entry. */
    public record Current(long id, AddressLink link, String reason, String linkedBy, Instant linkedAt,
            long ledgerSeq) {
    }

    private static final String COLUMNS = "SELECT id, email, github_id, person_name, contact_email, reason, linked_by,"
            + " linked_at, ledger_seq FROM address_link WHERE removed_at IS NULL AND repository = ?";

    private LinkedAddresses() {
    }

    /** The links of these addresses (a lower-cased text array) in the repository, by address. */
    static Map<String, AddressLink> of(Connection c, String repository, Rows.Array addresses) throws SQLException {
        Map<String, AddressLink> links = new HashMap<>();
        // The repository's few links, hashed against the list: a report asks about a hundred thousand addresses.
        Rows.query(c, "SELECT l.* FROM (" + COLUMNS + ") l JOIN unnest(?::text[]) AS a(email) ON a.email = l.email",
                rs -> links.put(rs.getString("email"), link(rs)), repository, addresses);
        return links;
    }

    /** Every link in force in the repository, by address. */
    public static List<Current> all(Connection c, String repository) throws SQLException {
        return Rows.list(c, COLUMNS + " ORDER BY email", LinkedAddresses::current, repository);
    }

    /** The addresses linked to this account in the repository. */
    public static List<String> ofAccount(Connection c, String repository, long githubId) throws SQLException {
        return Rows.list(c, "SELECT email FROM address_link WHERE removed_at IS NULL AND repository = ?"
                + " AND github_id = ?", rs -> rs.getString(1), repository, githubId);
    }

    static Current current(ResultSet rs) throws SQLException {
        return new Current(rs.getLong("id"), link(rs), rs.getString("reason"), rs.getString("linked_by"),
                Rows.instant(rs, "linked_at"), rs.getLong("ledger_seq"));
    }

    private static AddressLink link(ResultSet rs) throws SQLException {
        long id = rs.getLong("github_id");
        Long githubId = rs.wasNull() ? null : id;
        return new AddressLink(rs.getString("email"), githubId, rs.getString("person_name"),
                rs.getString("contact_email"));
    }
}
