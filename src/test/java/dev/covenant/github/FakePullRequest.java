package dev.covenant.github;

import java.time.Instant;
import java.util.List;

/**
 * A snapshot of a pull request on a {@link FakeRepo}. {@code state} is "open" or "closed"; {@code commits} are
 * oldest first, the last one being the head. {@code mergedAt} is set once it was merged (closed, too).
 */
public record FakePullRequest(int number, String authorLogin, String headSha, String baseSha, String headRef,
        String baseRef, String state, List<FakeCommit> commits, Instant updatedAt, long id, Instant createdAt,
        Instant closedAt, Instant mergedAt) {

    public FakePullRequest {
        commits = List.copyOf(commits);
    }

    public boolean merged() {
        return mergedAt != null;
    }

    public boolean isOpen() {
        return "open".equals(state);
    }

    /** GitHub's default title for a branch: the first commit's subject. */
    public String title() {
        return commits.get(0).subject();
    }
}
