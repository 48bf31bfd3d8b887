package dev.covenant.github;

import java.time.Instant;
import java.util.List;

/**
 * What an authorization code or an access token stands for. {@code redirectUri} is the callback the code was issued
 * to (null for tokens minted directly), which the token exchange must repeat. An App installation token has no login
 * and no scopes but an {@code installationId}, and expires at {@code expiresAt} (null: never).
 */
record FakeGrant(String login, String redirectUri, List<String> scopes, Long installationId, Instant expiresAt) {

    FakeGrant {
        scopes = List.copyOf(scopes);
    }

    FakeGrant(String login, String redirectUri, List<String> scopes) {
        this(login, redirectUri, scopes, null, null);
    }

    static FakeGrant installation(long installationId, Instant expiresAt) {
        return new FakeGrant(null, null, List.of(), installationId, expiresAt);
    }

    boolean isInstallation() {
        return installationId != null;
    }
}
