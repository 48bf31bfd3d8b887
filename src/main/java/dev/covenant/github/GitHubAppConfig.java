package dev.covenant.github;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/**
 * The GitHub App's credentials, for the installation tokens the pull-request checks use. Its own mapping on the
 * {@code covenant.github} prefix (beside {@link GitHubConfig} and the inbox's webhook secret), so that the environment
 * variables are {@code COVENANT_GITHUB_APP_ID} and {@code COVENANT_GITHUB_APP_PRIVATE_KEY}.
 */
@ConfigMapping(prefix = "covenant.github")
public interface GitHubAppConfig {

    /** {@code COVENANT_GITHUB_APP_ID}: the App's numeric id (the JWT's issuer). */
    Optional<String> appId();

    /**
     * {@code COVENANT_GITHUB_APP_PRIVATE_KEY}: the App's private key, either the PEM text itself (PKCS#1
     * "BEGIN RSA PRIVATE KEY" as GitHub issues it, or PKCS#8 "BEGIN PRIVATE KEY"; line breaks may be written as
     * {@code \n}) or the path of a file holding it.
     */
    Optional<String> appPrivateKey();
}
