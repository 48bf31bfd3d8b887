package dev.covenant.github;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;
import java.util.function.UnaryOperator;

/**
 * What was written on one {@link FakeRepo} through the API: check runs (grouped in a suite per commit), issue
 * comments and commit statuses. Ids come from the fake's global sequences, as GitHub's are global. Thread-safe.
 */
final class FakeRepoActivity {

    /** A comment together with the pull request it is on. */
    record StoredComment(int number, FakeComment comment) {
    }

    /** A status together with its commit, creator and time, which {@link FakeStatus} leaves out. */
    record StoredStatus(String sha, FakeStatus status, String creatorLogin, Instant createdAt) {
    }

    private final FakeGitHubRepos home;
    private final Map<Long, FakeCheckRun> checkRuns = new LinkedHashMap<>();
    private final Map<String, Long> checkSuites = new HashMap<>();
    private final Map<Long, StoredComment> comments = new LinkedHashMap<>();
    private final List<StoredStatus> statuses = new ArrayList<>();

    FakeRepoActivity(FakeGitHubRepos home) {
        this.home = home;
    }

    synchronized List<FakeCheckRun> checkRuns() {
        return List.copyOf(checkRuns.values());
    }

    synchronized FakeCheckRun addCheckRun(LongFunction<FakeCheckRun> withId) {
        FakeCheckRun run = withId.apply(home.nextId(FakeGitHubRepos.Sequence.CHECK_RUN));
        checkRuns.put(run.id(), run);
        return run;
    }

    /** Applies {@code change} to the check run atomically; null if there is none with that id. */
    synchronized FakeCheckRun updateCheckRun(long runId, UnaryOperator<FakeCheckRun> change) {
        return checkRuns.computeIfPresent(runId, (k, run) -> change.apply(run));
    }

    synchronized FakeCheckRun checkRun(long runId) {
        return checkRuns.get(runId);
    }

    /** GitHub groups the check runs of one App on one commit into a suite. */
    synchronized long checkSuiteId(String headSha) {
        return checkSuites.computeIfAbsent(headSha, sha -> home.nextId(FakeGitHubRepos.Sequence.CHECK_SUITE));
    }

    synchronized FakeComment addComment(int number, String login, String body) {
        Instant now = FakeRepo.now();
        FakeComment comment = new FakeComment(home.nextId(FakeGitHubRepos.Sequence.COMMENT), body, login, now, now, 0);
        comments.put(comment.id(), new StoredComment(number, comment));
        return comment;
    }

    /** Replaces the body and counts the edit; null if there is no comment with that id. */
    synchronized StoredComment editComment(long commentId, String body) {
        return comments.computeIfPresent(commentId, (k, stored) -> {
            FakeComment old = stored.comment();
            return new StoredComment(stored.number(), new FakeComment(commentId, body, old.userLogin(),
                    old.createdAt(), FakeRepo.later(old.updatedAt()), old.edits() + 1));
        });
    }

    synchronized StoredComment comment(long commentId) {
        return comments.get(commentId);
    }

    synchronized List<StoredComment> comments(int number) {
        return comments.values().stream().filter(c -> c.number() == number).toList();
    }

    synchronized StoredStatus addStatus(String sha, String state, String context, String description,
            String targetUrl, String creatorLogin) {
        FakeStatus status = new FakeStatus(home.nextId(FakeGitHubRepos.Sequence.STATUS), state, context, description,
                targetUrl);
        StoredStatus stored = new StoredStatus(sha, status, creatorLogin, FakeRepo.now());
        statuses.add(stored);
        return stored;
    }

    synchronized List<StoredStatus> statuses(String sha) {
        return statuses.stream().filter(s -> s.sha().equals(sha)).toList();
    }
}
