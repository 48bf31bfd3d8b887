package dev.covenant.relicensing.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.covenant.identity.AddressDirectory;
import dev.covenant.identity.IdentityResolution;
import dev.covenant.identity.LinkedAddresses;
import dev.covenant.jdbc.Rows;

/**
 * The addresses of a repository's history that are one GitHub account's, as the identity model resolves them (the
 * same rule as the whole report): only the candidates are read — the addresses the account verified, those linked to
 * it in the repository, and the no-reply ones — so a person's own part of a hundred thousand contributors costs what a small report does.
 */
public final class AccountAddresses {

    private AccountAddresses() {
    }

    /** Those with a contribution up to {@code cutoff}. */
    public static List<String> of(Connection c, String repository, Instant cutoff, long githubId) throws SQLException {
        List<String> candidates = new ArrayList<>();
        List<String> known = new ArrayList<>(AddressDirectory.verifiedBy(c, githubId));
        known.addAll(LinkedAddresses.ofAccount(c, repository, githubId));
        Rows.query(c, "SELECT email FROM contribution_address WHERE repository = ? AND first_at <= ?"
                + " AND (email = ANY(?) OR email LIKE '%@users.noreply.github.com')",
                rs -> candidates.add(rs.getString(1)), repository, cutoff, Rows.texts(known));
        if (candidates.isEmpty()) {
            return candidates;
        }
        IdentityResolution.Directory directory = AddressDirectory.of(c, repository, candidates);
        List<String> mine = new ArrayList<>();
        for (String address : candidates) {
            Long owner = IdentityResolution.resolve(address, directory).githubId();
            if (owner != null && owner == githubId) {
                mine.add(address);
            }
        }
        return mine;
    }
}
