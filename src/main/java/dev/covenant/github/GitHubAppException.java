package dev.covenant.github;

/**
 * GitHub refused or failed a GitHub App request: a JWT it would not accept (wrong App id or key, 401), an
 * installation it does not know (deleted or never there, 404), or no answer at all ({@link #status()} 0).
 */
public class GitHubAppException extends GitHubUnavailableException {

    private final int status;

    public GitHubAppException(String message, int status, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    /** GitHub's HTTP status, or 0 when it did not answer. */
    public int status() {
        return status;
    }
}
