package dev.covenant.coverage;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import dev.covenant.agreement.OutboundPolicy;
import dev.covenant.agreement.OutboundTerms;
import dev.covenant.identity.Identity;
import dev.covenant.identity.IdentityResolution;
import dev.covenant.identity.NoReplyEmail;
import dev.covenant.jdbc.Rows;

/**
 * Everyone credited in a repository's history, as contributors: every address resolved to a person or left raw
 * ({@link IdentityResolution}), addresses of one person together, each with the grants that may cover them
 * (signatures of the project's agreement, any version, and approvals of its corporate agreement). A few set-based
 * queries, whatever the number of people.
 */
public final class ContributorLookup {

    /** One contributor and what may cover them. */
    public record Contributor(Identity identity, List<String> emails, List<Grant> grants) {
    }

    /** The contributors, and for each address asked about (in the order asked) the index of its contributor. */
    public record Found(List<Contributor> contributors, int[] contributorOf) {
    }

    private ContributorLookup() {
    }

    /**
     * The contributors behind {@code emails}: the addresses credited in the repository's history up to the cutoff.
     * Allocation is kept low on purpose: a report may ask about a hundred thousand addresses, nearly all of them one
     * raw address each with no grant.
     */
    public static Found find(Connection c, String repository, Instant cutoff, List<String> emails, Long agreementId,
            Long corporateAgreementId, Approvals.Membership membership) throws SQLException {
        IdentityResolution.Directory directory = directory(c, repository, cutoff, emails);
        Map<String, Integer> byKey = new HashMap<>(emails.size() * 4 / 3 + 1);
        List<List<Identity>> people = new ArrayList<>();
        int[] contributorOf = new int[emails.size()];
        for (int i = 0; i < emails.size(); i++) {
            Identity identity = IdentityResolution.resolve(emails.get(i), directory);
            Integer known = byKey.putIfAbsent(identity.key(), people.size());
            if (known == null) {
                contributorOf[i] = people.size();
                people.add(List.of(identity));
            } else {
                contributorOf[i] = known;
                List<Identity> more = new ArrayList<>(people.get(known));
                more.add(identity);
                people.set(known, more);
            }
        }
        Map<Long, List<Grant>> signatures = signatures(c, agreementId, people.stream()
                .map(ids -> ids.get(0).githubId()).filter(java.util.Objects::nonNull).toList());
        Approvals approvals = Approvals.load(c, corporateAgreementId, membership);
        List<Contributor> contributors = new ArrayList<>(people.size());
        for (List<Identity> identities : people) {
            Identity first = identities.get(0);
            List<Grant> grants = new ArrayList<>(signatures.getOrDefault(first.githubId(), List.of()));
            identities.forEach(identity -> approvals.matching(identity).stream().filter(g -> !grants.contains(g))
                    .forEach(grants::add));
            contributors.add(new Contributor(first, identities.size() == 1
                    ? List.of(first.email())
                    : identities.stream().map(Identity::email).toList(), grants.isEmpty() ? List.of() : grants));
        }
        return new Found(contributors, contributorOf);
    }

    /**
     * Who verified which of the addresses, and the accounts the no-reply ones name. The verified owners are found by
     * joining the addresses PostgreSQL already holds for the repository: an array of every address would be sorted
     * for the index, which costs more than the join when there are a hundred thousand.
     */
    private static IdentityResolution.Directory directory(Connection c, String repository, Instant cutoff,
            List<String> emails) throws SQLException {
        Map<String, Long> owners = new HashMap<>();
        Rows.query(c, "SELECT pe.email, min(pe.github_id) FROM person_email pe JOIN contribution_address a"
                + " ON a.repository = ? AND a.email = pe.email AND a.first_at <= ? WHERE pe.verified GROUP BY pe.email",
                rs -> owners.put(rs.getString(1), rs.getLong(2)), repository, cutoff);
        Set<Long> ids = new HashSet<>(owners.values());
        Set<String> logins = new HashSet<>();
        for (String email : emails) {
            NoReplyEmail.parse(email).ifPresent(n -> {
                if (n.githubId() != null) {
                    ids.add(n.githubId());
                } else {
                    logins.add(n.login().toLowerCase(Locale.ROOT));
                }
            });
        }
        Map<Long, String> loginOf = new HashMap<>();
        Rows.query(c, "SELECT github_id, login FROM person WHERE github_id = ANY(?) OR lower(login) = ANY(?)",
                rs -> loginOf.put(rs.getLong(1), rs.getString(2)), Rows.longs(ids), Rows.texts(logins));
        Map<Long, List<String>> verified = new HashMap<>();
        Rows.query(c, "SELECT github_id, email FROM person_email WHERE verified AND github_id = ANY(?)",
                rs -> verified.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2)),
                Rows.longs(loginOf.keySet()));
        Map<Long, IdentityResolution.Person> byId = new HashMap<>();
        Map<String, IdentityResolution.Person> byLogin = new HashMap<>();
        loginOf.forEach((id, login) -> {
            var person = new IdentityResolution.Person(id, login, verified.getOrDefault(id, List.of()));
            byId.put(id, person);
            byLogin.put(login.toLowerCase(Locale.ROOT), person);
        });
        return new IdentityResolution.Directory(owners, byId, byLogin);
    }

    private static Map<Long, List<Grant>> signatures(Connection c, Long agreementId, List<Long> people)
            throws SQLException {
        Map<Long, List<Grant>> grants = new HashMap<>();
        if (agreementId == null || people.isEmpty()) {
            return grants;
        }
        Rows.query(c, "SELECT s.id, s.github_id, a.slug, v.version, v.outbound_policy, v.outbound_licenses,"
                + " v.covers_prior_contributions, s.signed_at, s.revoked_at FROM signature s"
                + " JOIN agreement_version v ON v.id = s.agreement_version_id JOIN agreement a ON a.id = v.agreement_id"
                + " WHERE a.id = ? AND s.github_id = ANY(?) ORDER BY s.signed_at DESC",
                rs -> grants.computeIfAbsent(rs.getLong("github_id"), k -> new ArrayList<>()).add(Grant.individual(
                        rs.getString("id"), rs.getString("slug"), rs.getString("version"), terms(rs.getString(5),
                                rs.getString(6)),
                        rs.getBoolean(7), Rows.instant(rs, "signed_at"),
                        Rows.instant(rs, "revoked_at"))),
                agreementId, Rows.longs(people));
        return grants;
    }

    public static OutboundTerms terms(String policy, String listed) {
        return new OutboundTerms(OutboundPolicy.valueOf(policy),
                listed == null || listed.isEmpty() ? List.of() : List.of(listed.split(",")));
    }
}
