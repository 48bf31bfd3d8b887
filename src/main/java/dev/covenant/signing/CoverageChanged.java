package dev.covenant.signing;

import java.util.Collection;
import java.util.Set;

/**
 * Fired by whoever changes what covers people (the signing capability) when people's coverage may have changed
 * (signatures, a revocation, an approval-list change), so that the pull-request checks re-evaluate their open pull
 * requests. {@code everyone} is set when the change concerns people not known by id (an e-mail domain or an
 * organisation); {@code people} then is empty.
 */
public record CoverageChanged(Set<Long> people, boolean everyone, String cause) {

    public CoverageChanged {
        people = Set.copyOf(people);
    }

    /** One person's coverage may have changed. */
    public static CoverageChanged person(long githubId, String cause) {
        return new CoverageChanged(Set.of(githubId), false, cause);
    }

    /** These people's coverage may have changed, e.g. a batch of signatures. */
    public static CoverageChanged people(Collection<Long> githubIds, String cause) {
        return new CoverageChanged(Set.copyOf(githubIds), false, cause);
    }

    /** Anyone's coverage may have changed. */
    public static CoverageChanged everyone(String cause) {
        return new CoverageChanged(Set.of(), true, cause);
    }
}
