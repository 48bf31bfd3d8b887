package dev.covenant.identity;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import dev.covenant.jdbc.Rows;

/**
 * Reads what {@link IdentityResolution} needs about a set of commit addresses, in a few set-based queries whatever
 * their number: who verified which of them (with GitHub, or by a claim's code), the maintainers' links of the
 * repository asked about, the accounts their no-reply forms or links name, and those accounts' verified addresses.
 * A pull request asks about a handful, a relicensing report about a hundred thousand.
 */
public final class AddressDirectory {

    /** Every verified address: GitHub's, and those claimed with a mailed code (never primary). */
    private static final String VERIFIED = "SELECT github_id, email, is_primary FROM person_email WHERE verified"
            + " UNION SELECT github_id, email, false FROM address_claim WHERE verified_at IS NOT NULL";

    private AddressDirectory() {
    }

    /** Only addresses, without any repository's links. */
    public static IdentityResolution.Directory of(Connection c, Collection<String> addresses) throws SQLException {
        return of(c, null, addresses, List.of(), List.of());
    }

    /** What a repository's history holds, with the maintainers' links of that repository. */
    public static IdentityResolution.Directory of(Connection c, String repository, Collection<String> addresses)
            throws SQLException {
        return of(c, repository, addresses, List.of(), List.of());
    }

    /**
     * {@code accounts} and {@code logins} name GitHub accounts known to be involved besides the addresses (linked by
     * GitHub to a commit, or asked about by id or login).
     */
    public static IdentityResolution.Directory of(Connection c, Collection<String> addresses, Collection<Long> accounts,
            Collection<String> logins) throws SQLException {
        return of(c, null, addresses, accounts, logins);
    }

    /** The same, with the links of {@code repository} (none when it is null). */
    public static IdentityResolution.Directory of(Connection c, String repository, Collection<String> addresses,
            Collection<Long> accounts, Collection<String> logins) throws SQLException {
        Map<String, Long> owners = new HashMap<>();
        Map<String, AddressLink> links = Map.of();
        if (!addresses.isEmpty()) {
            // A join with the list, not "= ANY": for a hundred thousand addresses PostgreSQL would sort the array to
            // probe the index, where hashing the few verified addresses is cheaper.
            Rows.Array asked = Rows.texts(lowerCased(addresses));
            boolean serial = addresses.size() >= SERIAL_FROM;
            if (serial) {
                parallelWorkers(c, "0");
            }
            Rows.query(c, "SELECT o.email, min(o.github_id) FROM (SELECT email, github_id FROM person_email"
                    + " WHERE verified UNION ALL SELECT email, github_id FROM address_claim"
                    + " WHERE verified_at IS NOT NULL) o"
                    + " JOIN unnest(?::text[]) AS a(email) ON a.email = o.email GROUP BY o.email",
                    rs -> owners.put(rs.getString(1), rs.getLong(2)), asked);
            links = repository == null ? Map.of() : LinkedAddresses.of(c, repository, asked);
            if (serial) {
                parallelWorkers(c, "DEFAULT");
            }
        }
        Set<Long> ids = new HashSet<>(owners.values());
        ids.addAll(accounts);
        links.values().stream().map(AddressLink::githubId).filter(id -> id != null).forEach(ids::add);
        Set<String> named = new HashSet<>();
        logins.forEach(login -> named.add(login.toLowerCase(Locale.ROOT)));
        Map<String, Long> noReplyIds = new HashMap<>();
        for (String address : addresses) {
            // No lambda here: it would be made for each of a report's hundred thousand addresses.
            Optional<NoReplyEmail> noReply = NoReplyEmail.parse(address);
            if (noReply.isEmpty()) {
                continue;
            }
            NoReplyEmail n = noReply.get();
            String login = n.login().toLowerCase(Locale.ROOT);
            if (n.githubId() != null) {
                ids.add(n.githubId());
                noReplyIds.putIfAbsent(login, n.githubId());
            } else {
                named.add(login);
            }
        }
        return accounts(c, owners, ids, named, noReplyIds, links);
    }

    /**
     * From this many addresses the lookups run without parallel workers. A report's hundred thousand addresses make
     * a 2 MB parameter; with it the planner chose two workers, PostgreSQL copied the parameter to each, and the first
     * lookup took 230-390 ms where one process takes 60 ms, on every connection until its plan became generic (after
     * five runs): most of why a maintainer's first reports were slow.
     */
    static final int SERIAL_FROM = 1_000;

    /** {@code max_parallel_workers_per_gather} for the rest of the transaction (nothing outside one). */
    private static void parallelWorkers(Connection c, String value) throws SQLException {
        if (c.getAutoCommit()) {
            return;
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL max_parallel_workers_per_gather TO " + value);
        }
    }

    /** The accounts with these ids or logins (lower-cased), with their verified addresses. */
    private static IdentityResolution.Directory accounts(Connection c, Map<String, Long> owners, Collection<Long> ids,
            Collection<String> logins, Map<String, Long> noReplyIds, Map<String, AddressLink> links)
            throws SQLException {
        if (ids.isEmpty() && logins.isEmpty()) {
            return new IdentityResolution.Directory(owners, Map.of(), Map.of(), noReplyIds, links);
        }
        Map<Long, String> loginOf = new HashMap<>();
        Rows.query(c, "SELECT github_id, login FROM person WHERE github_id = ANY(?) OR lower(login) = ANY(?)",
                rs -> loginOf.put(rs.getLong(1), rs.getString(2)), Rows.longs(ids), Rows.texts(logins));
        Map<Long, List<String>> verified = new HashMap<>();
        if (!loginOf.isEmpty()) {
            Rows.query(c, "SELECT github_id, email FROM (" + VERIFIED + ") v WHERE github_id = ANY(?)"
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
        return new IdentityResolution.Directory(owners, byId, byLogin, noReplyIds, links);
    }

    /** The addresses verified for this account (by GitHub, the primary first, then by claims). */
    public static List<String> verifiedBy(Connection c, long githubId) throws SQLException {
        List<String> verified = new ArrayList<>();
        Rows.query(c, "SELECT email FROM (" + VERIFIED + ") v WHERE github_id = ? ORDER BY is_primary DESC, email",
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
