package dev.covenant.github;

/**
 * GitHub did not answer, answered with a server error or a rate limit, or no longer accepts the installation's token:
 * a fault that may pass. {@code retryAfterSeconds} is when GitHub said to come back (0 when it did not say).
 */
public class GitHubUnavailableException extends RuntimeException {

    private final long retryAfterSeconds;

    public GitHubUnavailableException(String message, long retryAfterSeconds, Throwable cause) {
        super(message, cause);
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public GitHubUnavailableException(String message, Throwable cause) {
        this(message, 0, cause);
    }

    public GitHubUnavailableException(String message) {
        this(message, 0, null);
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
