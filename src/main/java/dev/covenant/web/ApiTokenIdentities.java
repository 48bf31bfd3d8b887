package dev.covenant.web;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TokenAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;

/** An active API token is the admin; any other bearer token is refused, whatever the path. */
@ApplicationScoped
public class ApiTokenIdentities implements IdentityProvider<TokenAuthenticationRequest> {

    private final ApiTokens tokens;

    ApiTokenIdentities(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public Class<TokenAuthenticationRequest> getRequestType() {
        return TokenAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TokenAuthenticationRequest request,
            AuthenticationRequestContext context) {
        return context.runBlocking(() -> tokens.find(request.getToken().getToken())
                .map(token -> (SecurityIdentity) QuarkusSecurityIdentity.builder()
                        .setPrincipal(new QuarkusPrincipal("api-token:" + token.id)).addRole(Roles.ADMIN)
                        .addCredential(request.getToken()).build())
                // The same answer for every wrong token, so that it tells nothing about which tokens exist.
                .orElseThrow(() -> new AuthenticationFailedException("unknown or revoked API token")));
    }
}
