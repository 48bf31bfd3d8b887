package dev.covenant.github;

/** GitHub did not answer, answered with a server error, or refused what it should have accepted. */
public class GitHubUnavailableException extends RuntimeException {

    public GitHubUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }

    public GitHubUnavailableException(String message) {
        super(message);
    }
}
