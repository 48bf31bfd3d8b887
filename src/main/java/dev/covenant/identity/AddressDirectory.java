package dev.covenant.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.covenant.jdbc.Rows;

/**
 * Reads what {@link IdentityResolution} needs about a set of commit addresses, in three set-based queries whatever
 * their number: who verified which of them, the accounts their no-reply forms name (by id, or by login in the older
 * form), and those accounts' verified addresses. A pull request asks about a handful, a relicensing report about a
 * hundred thousand.
 */
public final class AddressDirectory {

    private AddressDirectory() {
    }

    /** Only addresses: what a repository's history holds. */
    public static IdentityResolution.Directory of(Connection c, Collection<String> addresses) throws SQLException {
        return of(c, addresses, List.of(), List.of());
    }

    /**
     * {@code accounts} and {@code logins} name GitHub accounts known to be involved besides the addresses (linked by
     * GitHub to a commit, or asked about by id or login).
     */
    public static IdentityResolution.Directory of(Connection c, Collection<String> addresses, Collection<Long> accounts,
            Collection<String> logins) throws SQLException {
        Map<String, Long> owners = new HashMap<>();
        if (!addresses.isEmpty()) {
            // A join with the list, not "= ANY": for a hundred thousand addresses PostgreSQL would sort the array to
            // probe the index, where hashing the few verified addresses is cheaper.
            Rows.query(c, "SELECT pe.email, min(pe.github_id) FROM person_email pe"
                    + " JOIN unnest(?::text[]) AS a(email) ON a.email = pe.email WHERE pe.verified GROUP BY pe.email",
                    rs -> owners.put(rs.getString(1), rs.getLong(2)), Rows.texts(lowerCased(addresses)));
        }
        Set<Long> ids = new HashSet<>(owners.values());
        ids.addAll(accounts);
        Set<String> named = new HashSet<>();
        logins.forEach(login -> named.add(login.toLowerCase(Locale.ROOT)));
        for (String address : addresses) {
            NoReplyEmail.parse(address).ifPresent(n -> {
                if (n.githubId() != null) {
                    ids.add(n.githubId());
                } else {
                    named.add(n.login().toLowerCase(Locale.ROOT));
                }
            });
        }
        return accounts(c, owners, ids, named);
    }

    /** The accounts with these ids or logins (lower-cased), with their verified addresses. */
    private static IdentityResolution.Directory accounts(Connection c, Map<String, Long> owners, Collection<Long> ids,
            Collection<String> logins) throws SQLException {
        if (ids.isEmpty() && logins.isEmpty()) {
            return new IdentityResolution.Directory(owners, Map.of(), Map.of());
        }
        Map<Long, String> loginOf = new HashMap<>();
        Rows.query(c, "SELECT github_id, login FROM person WHERE github_id = ANY(?) OR lower(login) = ANY(?)",
                rs -> loginOf.put(rs.getLong(1), rs.getString(2)), Rows.longs(ids), Rows.texts(logins));
        Map<Long, List<String>> verified = new HashMap<>();
        if (!loginOf.isEmpty()) {
            Rows.query(c, "SELECT github_id, email FROM person_email WHERE verified AND github_id = ANY(?)"
                    + " ORDER BY is_primary DESC, email",
                    rs -> verified.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)),
                    Rows.longs(loginOf.keySet()));
        }
        Map<Long, Account> byId = new HashMap<>();
        Map<String, Account> byLogin = new HashMap<>();
        loginOf.forEach((id, login) -> {
            Account account = new Account(id, login, verified.getOrDefault(id, List.of()));
            byId.put(id, account);
            byLogin.put(login.toLowerCase(Locale.ROOT), account);
        });
        return new IdentityResolution.Directory(owners, byId, byLogin);
    }

    /** The addresses GitHub verified for this account, the primary first. */
    public static List<String> verifiedBy(Connection c, long githubId) throws SQLException {
        List<String> verified = new ArrayList<>();
        Rows.query(c, "SELECT email FROM person_email WHERE verified AND github_id = ? ORDER BY is_primary DESC, email",
                rs -> verified.add(rs.getString(1)), githubId);
        return verified;
    }

    private static List<String> lowerCased(Collection<String> addresses) {
        List<String> lower = new ArrayList<>(addresses.size());
        for (String address : addresses) {
            lower.add(address.toLowerCase(Locale.ROOT));
        }
        return lower;
    }
}
