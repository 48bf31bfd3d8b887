package dev.covenant.web;

/**
 * What a caller may be, as resources declare it: {@code @RolesAllowed(Roles.ADMIN)},
 * {@code @RolesAllowed(Roles.PERSON)}, or {@code @PermissionsAllowed(Roles.MAINTAINER)} on a method whose parameters
 * {@code owner} and {@code repo} name the repository.
 */
public final class Roles {

    /**
     * Whoever holds an API token, and a person signed in under a login of {@code COVENANT_ADMINS}: the people who run
     * the service. The rooms that may not depend on {@code web}
     * (agreement, project, ledger, inbox, coverage, checks) write {@code @RolesAllowed("admin")} instead.
     */
    public static final String ADMIN = "admin";
    /** A person signed in with GitHub through the browser session. */
    public static final String PERSON = "person";
    /**
     * A permission, not a role: the repository's maintainers (GitHub admin or maintain role), decided per request by
     * {@link MaintainerCheck}; an admin token maintains every repository.
     */
    public static final String MAINTAINER = "maintainer";

    private Roles() {
    }
}
