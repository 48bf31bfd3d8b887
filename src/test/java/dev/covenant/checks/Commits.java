package dev.covenant.checks;

import dev.covenant.github.CommitInfo;
import dev.covenant.github.GitActor;

/** Test fixtures: commits and the people in them. */
final class Commits {

    static final GitActor WEB_FLOW = new GitActor("GitHub", "noreply@github.com", "web-flow", 19864447L);

    private Commits() {
    }

    static GitActor account(long id, String login, String email) {
        return new GitActor(login, email, login, id);
    }

    static GitActor unlinked(String name, String email) {
        return GitActor.unlinked(name, email);
    }

    static CommitInfo commit(String sha, GitActor author) {
        return new CommitInfo(sha, author, WEB_FLOW, "Change " + sha);
    }

    static CommitInfo commit(String sha, GitActor author, GitActor committer, String message) {
        return new CommitInfo(sha, author, committer, message);
    }
}
