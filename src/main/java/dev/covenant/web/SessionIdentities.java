package dev.covenant.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

import dev.covenant.github.RepositoryPermissions;

/**
 * A live session is its person: principal their GitHub numeric id, role {@code person}, and as attributes the
 * person, the session's CSRF token and the memo of which repositories they maintain (see {@link Caller}); a person
 * whose login is listed in {@code COVENANT_ADMINS} ({@link Admins}) also has the role {@code admin}.
 */
@ApplicationScoped
public class SessionIdentities implements IdentityProvider<CovenantAuthentication.SessionCookie> {

    private final WebSessions sessions;
    private final RepositoryPermissions permissions;
    private final Admins admins;

    SessionIdentities(WebSessions sessions, RepositoryPermissions permissions, Admins admins) {
        this.sessions = sessions;
        this.permissions = permissions;
        this.admins = admins;
    }

    @Override
    public Class<CovenantAuthentication.SessionCookie> getRequestType() {
        return CovenantAuthentication.SessionCookie.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CovenantAuthentication.SessionCookie request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.find(request.value()).map(this::identity).orElse(null));
    }

    private SecurityIdentity identity(WebSessions.SignedIn signedIn) {
        var identity = QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(Long.toString(signedIn.person().githubId)))
                .addRole(Roles.PERSON).addAttribute(Caller.PERSON, signedIn.person())
                .addAttribute(Csrf.ATTRIBUTE, signedIn.csrfToken())
                .addAttribute(MaintainedRepositories.ATTRIBUTE,
                        new MaintainedRepositories(permissions, signedIn.person().login));
        if (admins.listed(signedIn.person().login)) {
            identity.addRole(Roles.ADMIN);
        }
        return identity.build();
    }
}
