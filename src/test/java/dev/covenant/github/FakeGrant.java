package dev.covenant.github;

import java.util.List;

/**
 * What an authorization code or an access token stands for. {@code redirectUri} is the callback the code was issued
 * to (null for tokens minted directly), which the token exchange must repeat.
 */
record FakeGrant(String login, String redirectUri, List<String> scopes) {

    FakeGrant {
        scopes = List.copyOf(scopes);
    }
}
