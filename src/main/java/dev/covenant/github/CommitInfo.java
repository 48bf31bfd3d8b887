package dev.covenant.github;

/** One commit of a pull request, as much as deciding who must be covered needs. */
public record CommitInfo(String sha, GitActor author, GitActor committer, String message) {

    public CommitInfo {
        if (sha == null || sha.isBlank()) {
            throw new IllegalArgumentException("a commit needs its sha");
        }
        if (author == null) {
            throw new IllegalArgumentException("commit " + sha + " has no author");
        }
        message = message == null ? "" : message;
    }
}
