package dev.covenant.github;

/** GitHub refused a request in a way another attempt will not change (a 4xx other than a rate limit). */
public class GitHubRequestException extends GitHubUnavailableException {

    private final int status;

    public GitHubRequestException(int status, String message, Throwable cause) {
        super(message, cause);
        this.status = status;
    }

    public int status() {
        return status;
    }

    public boolean notFound() {
        return status == 404;
    }
}
