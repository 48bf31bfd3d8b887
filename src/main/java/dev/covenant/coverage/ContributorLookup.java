package dev.covenant.coverage;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import dev.covenant.identity.AddressDirectory;
import dev.covenant.identity.Identity;
import dev.covenant.identity.IdentityResolution;

/**
 * Everyone credited in a repository's history, as contributors: every address resolved to a person or left raw by
 * the identity model, addresses of one person together, each with the grants that are theirs (signatures of any
 * version of the project's agreement, approvals of its corporate agreement), as {@link CoverageRules#matching} decides.
 * Two steps, so that no database connection is held while GitHub is asked about organisation members: {@link #read}
 * on a connection, then {@link #attach} without one. A few set-based queries, whatever the number of people.
 */
@ApplicationScoped
public class ContributorLookup {

    /** One contributor and the grants that are theirs. */
    public record Contributor(Identity identity, List<String> emails, List<Grant> grants) {
    }

    /** The contributors, and for each address asked about (in the order asked) the index of its contributor. */
    public record Found(List<Contributor> contributors, int[] contributorOf) {
    }

    /**
     * What {@link #read} found: the people behind the addresses, the project's grants that may be theirs, and the
     * addresses each one was written as before a {@code .mailmap} mapped it (for company approvals by address).
     */
    public record Read(List<List<Identity>> people, int[] contributorOf, Map<Long, List<Grant>> signatures,
            Approvals approvals, Map<String, List<String>> written) {
    }

    private final Memberships memberships;

    ContributorLookup(Memberships memberships) {
        this.memberships = memberships;
    }

    /**
     * The people behind {@code emails} (the addresses of {@code repository}'s history, whose maintainers' links count)
     * and the grants that may be theirs.
     * Allocation is kept low on purpose: a report may ask about a hundred thousand addresses, nearly all of them one
     * raw address each with no grant.
     */
    public Read read(Connection c, String repository, List<String> emails, Long agreementId, Long corporateAgreementId)
            throws SQLException {
        return read(c, repository, emails, Map.of(), agreementId, corporateAgreementId);
    }

    /**
     * As above; {@code written} maps an address to those it was written as in the history: a company approving one of
     * those is a candidate too (which commits it covers is the report's to decide, by the address each was written
     * under).
     */
    public Read read(Connection c, String repository, List<String> emails, Map<String, List<String>> written,
            Long agreementId, Long corporateAgreementId) throws SQLException {
        IdentityResolution.Directory directory = AddressDirectory.of(c, repository, emails);
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
        Map<Long, List<Grant>> signatures = GrantLookup.signatures(c, agreementId, people.stream()
                .map(ids -> ids.get(0).githubId()).filter(Objects::nonNull).toList());
        return new Read(people, contributorOf, signatures, GrantLookup.approvals(c, corporateAgreementId), written);
    }

    /** Each contributor with the grants that are theirs; asks GitHub about organisation members when a line needs it. */
    public Found attach(Read read) {
        Map<String, Set<String>> memberOf = read.approvals().organisations().isEmpty()
                ? Map.of()
                : memberships.of(read.approvals().organisations(), read.people().stream()
                        .map(ids -> ids.get(0).login()).filter(Objects::nonNull).distinct().toList());
        List<Contributor> contributors = new ArrayList<>(read.people().size());
        for (List<Identity> identities : read.people()) {
            Identity first = identities.get(0);
            List<String> emails = identities.size() == 1
                    ? List.of(first.email())
                    : identities.stream().map(Identity::email).toList();
            List<Grant> signed = first.githubId() == null
                    ? List.of()
                    : read.signatures().getOrDefault(first.githubId(), List.of());
            List<Grant> grants = signed;
            if (!read.approvals().isEmpty()) {
                CoverageSubject subject = new CoverageSubject(first.githubId(), first.login(), identities.stream()
                        .flatMap(identity -> java.util.stream.Stream.concat(identity.emails().stream(),
                                read.written().getOrDefault(identity.email(), List.of()).stream()))
                        .toList());
                List<Grant> candidates = new ArrayList<>(signed);
                candidates.addAll(read.approvals().candidates(subject));
                grants = CoverageRules.matching(subject, candidates, Memberships.of(memberOf, first.login()));
            }
            contributors.add(new Contributor(first, emails, grants.isEmpty() ? List.of() : grants));
        }
        return new Found(contributors, read.contributorOf());
    }
}
