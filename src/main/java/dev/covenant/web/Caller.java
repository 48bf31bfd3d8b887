package dev.covenant.web;

import java.util.Optional;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.security.identity.SecurityIdentity;

import dev.covenant.identity.Person;

/**
 * Who makes the current request, for the resources that need to know: an admin token, a person signed in with
 * GitHub, or nobody. Whether they may call at all, the resource declares ({@link Roles}); this only tells who they
 * are.
 */
@RequestScoped
public class Caller {

    static final String PERSON = "covenant.person";

    private final SecurityIdentity identity;

    Caller(SecurityIdentity identity) {
        this.identity = identity;
    }

    /** An admin token, or a person signed in under a login of {@code COVENANT_ADMINS}. */
    public boolean admin() {
        return identity.hasRole(Roles.ADMIN);
    }

    /** The signed-in person (an admin among them); empty for an admin token and for anonymous calls. */
    public Optional<Person> person() {
        return Optional.ofNullable(identity.getAttribute(PERSON));
    }

    /** The signed-in person, where the resource requires {@link Roles#PERSON}. */
    public Person signedIn() {
        return person().orElseThrow(() -> new IllegalStateException(
                "no person is signed in: the resource must require the role " + Roles.PERSON));
    }

    /** The signed-in person's GitHub id, or null. */
    public Long githubId() {
        return person().map(p -> p.githubId).orElse(null);
    }

    /** The caller in a log line or a piece of evidence: {@code @login} (an admin's too), or "an admin token". */
    public String describe() {
        return person().map(p -> "@" + p.login).orElse(admin() ? "an admin token" : "anonymous");
    }

    /** Whether the caller maintains owner/repo: an admin token always; a person if GitHub says so (asked once). */
    public boolean maintains(String owner, String repo) {
        return maintains(identity, owner, repo);
    }

    /** The session's CSRF token, for the forms a page renders; empty without a session. */
    public Optional<String> csrfToken() {
        return Optional.ofNullable(identity.getAttribute(Csrf.ATTRIBUTE));
    }

    static boolean maintains(SecurityIdentity identity, String owner, String repo) {
        if (identity.hasRole(Roles.ADMIN)) {
            return true;
        }
        MaintainedRepositories maintained = identity.getAttribute(MaintainedRepositories.ATTRIBUTE);
        return maintained != null && maintained.maintains(owner, repo);
    }
}
