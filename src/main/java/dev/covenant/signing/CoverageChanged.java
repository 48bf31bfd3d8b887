package dev.covenant.signing;

/**
 * Fired by whoever changes what covers people (the signing capability) when a person's coverage may have changed (signature, revocation, approval-list change), so that the
 * pull-request checks can re-evaluate their open pull requests. {@code githubId} is 0 when the change concerns
 * many people at once (an e-mail domain or an organisation).
 */
public record CoverageChanged(long githubId, String cause) {
}
