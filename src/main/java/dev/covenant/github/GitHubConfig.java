package dev.covenant.github;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How to reach GitHub (or GitHub Enterprise, or a fake in tests) and the App's credentials. */
@ConfigMapping(prefix = "covenant.github")
public interface GitHubConfig {

    /** GitHub REST API base URL. */
    @WithDefault("https://api.github.com")
    String apiUrl();

    /** GitHub web base URL, where people sign in. */
    @WithDefault("https://github.com")
    String webUrl();

    /** The App's OAuth client id, for sign-in. */
    Optional<String> clientId();

    /** The App's OAuth client secret, for sign-in. */
    Optional<String> clientSecret();

    /** Seconds to wait for GitHub before treating it as down. */
    @WithDefault("10")
    int timeoutSeconds();
}
