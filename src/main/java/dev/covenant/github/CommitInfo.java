package dev.covenant.github;

import java.util.List;

/**
 * One commit of a pull request, as much as deciding who must be covered needs; {@code parents} are the shas of its
 * parents, as GitHub lists them (empty when unknown).
 */
public record CommitInfo(String sha, GitActor author, GitActor committer, String message, List<String> parents) {

    public CommitInfo {
        if (sha == null || sha.isBlank()) {
            throw new IllegalArgumentException("a commit needs its sha");
        }
        if (author == null) {
            throw new IllegalArgumentException("commit " + sha + " has no author");
        }
        message = message == null ? "" : message;
        parents = parents == null ? List.of() : List.copyOf(parents);
    }

    /** A commit whose parents are not known. */
    public CommitInfo(String sha, GitActor author, GitActor committer, String message) {
        this(sha, author, committer, message, List.of());
    }

    /** Whether it merges branches (more than one parent). */
    public boolean merge() {
        return parents.size() > 1;
    }

    /** The message's first line, as GitHub shows a commit's title. */
    public String title() {
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
