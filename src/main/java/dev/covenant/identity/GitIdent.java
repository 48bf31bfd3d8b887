package dev.covenant.identity;

/**
 * A name and e-mail address as git recorded them for an author or committer, unchanged: the address keeps its case
 * and may be empty ({@code Name <>}), the name may be empty too. Matching people is identity resolution's job.
 */
public record GitIdent(String name, String email) {

    public GitIdent {
        if (name == null || email == null) {
            throw new IllegalArgumentException("a git identity has a name and an e-mail address, possibly empty");
        }
    }

    @Override
    public String toString() {
        return name + " <" + email + ">";
    }
}
