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
 * person, the session's CSRF token and the memo of which repositories they maintain (see {@link Caller}).
 */
@ApplicationScoped
public class SessionIdentities implements IdentityProvider<CovenantAuthentication.SessionCookie> {

    private final WebSessions sessions;
    private final RepositoryPermissions permissions;

    SessionIdentities(WebSessions sessions, RepositoryPermissions permissions) {
        this.sessions = sessions;
        this.permissions = permissions;
    }

    @Override
    public Class<CovenantAuthentication.SessionCookie> getRequestType() {
        return CovenantAuthentication.SessionCookie.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(CovenantAuthentication.SessionCookie request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> sessions.find(request.value())
                .map(signedIn -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal(Long.toString(signedIn.person().githubId)))
                        .addRole(Roles.PERSON).addAttribute(Caller.PERSON, signedIn.person())
                        .addAttribute(Csrf.ATTRIBUTE, signedIn.csrfToken())
                        .addAttribute(MaintainedRepositories.ATTRIBUTE,
                                new MaintainedRepositories(permissions, signedIn.person().login))
                        .build())
                .orElse(null));
    }
}
