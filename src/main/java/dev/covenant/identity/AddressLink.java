package dev.covenant.identity;

import java.util.Locale;

/**
 * A maintainer's word that, in one repository, a commit address is a person's: a GitHub account ({@code githubId}),
 * or someone without one, named and reachable at {@code contactEmail}. The address is lower-cased.
 */
public record AddressLink(String email, Long githubId, String name, String contactEmail) {

    public AddressLink {
        if ((githubId == null) == (name == null || contactEmail == null)) {
            throw new IllegalArgumentException("a link names a GitHub account or a person with a contact address");
        }
    }

    /** The person it names, as {@link Identity#key()} names them: all addresses linked to one person are one. */
    String key() {
        return githubId != null ? "github:" + githubId : "person:" + contactEmail.toLowerCase(Locale.ROOT);
    }
}
