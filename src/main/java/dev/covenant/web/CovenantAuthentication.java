package dev.covenant.web;

import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.credential.TokenCredential;
import io.quarkus.security.identity.IdentityProviderManager;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.security.identity.request.BaseAuthenticationRequest;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.ChallengeData;
import io.quarkus.vertx.http.runtime.security.HttpAuthenticationMechanism;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;

/**
 * Who calls: an {@code Authorization: Bearer} API token ({@link ApiTokenIdentities}, role {@code admin}) or the
 * session cookie of a person signed in with GitHub ({@link SessionIdentities}, role {@code person}). A credential
 * that does not hold is treated differently by kind: a wrong bearer token (or any other {@code Authorization}) is
 * refused with 401, never taken for an anonymous call, while an unknown or expired session cookie is simply no
 * session, since browsers keep sending a cookie after the session ended.
 */
@ApplicationScoped
public class CovenantAuthentication implements HttpAuthenticationMechanism {

    static final String CHALLENGE = "Bearer realm=\"covenant\"";
    private static final String BEARER = "Bearer ";

    @Override
    public Uni<SecurityIdentity> authenticate(RoutingContext context, IdentityProviderManager identities) {
        String authorization = context.request().getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    || authorization.substring(BEARER.length()).isBlank()) {
                return Uni.createFrom().failure(new AuthenticationFailedException("not a bearer token"));
            }
            String token = authorization.substring(BEARER.length()).trim();
            return identities.authenticate(new TokenAuthenticationRequest(new TokenCredential(token, "bearer")));
        }
        Cookie cookie = context.request().getCookie(WebSessions.COOKIE);
        if (cookie == null || cookie.getValue().isBlank()) {
            return Uni.createFrom().nullItem();
        }
        return identities.authenticate(new SessionCookie(cookie.getValue()))
                .onFailure(AuthenticationFailedException.class).recoverWithNull();
    }

    @Override
    public Uni<ChallengeData> getChallenge(RoutingContext context) {
        return Uni.createFrom().item(new ChallengeData(401, HttpHeaders.WWW_AUTHENTICATE, CHALLENGE));
    }

    @Override
    public Set<Class<? extends AuthenticationRequest>> getCredentialTypes() {
        return Set.of(TokenAuthenticationRequest.class, SessionCookie.class);
    }

    /** The raw value of the session cookie, for {@link SessionIdentities}. */
    static final class SessionCookie extends BaseAuthenticationRequest {

        private final String value;

        SessionCookie(String value) {
            this.value = value;
        }

        String value() {
            return value;
        }
    }
}
