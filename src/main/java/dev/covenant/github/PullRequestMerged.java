package dev.covenant.github;

import java.time.Instant;
import java.util.List;

/**
 * A pull request Covenant evaluated was merged: its commits, with the lines each added, for the relicensing records.
 * Fired inside the delivery's transaction.
 */
public record PullRequestMerged(String repository, int number, Instant mergedAt, List<MergedCommit> commits) {

    public PullRequestMerged {
        commits = List.copyOf(commits);
    }

    /** One commit of the merged pull request, as git recorded it. */
    public record MergedCommit(String sha, String authorName, String authorEmail, Instant authoredAt,
            String committerEmail, String message, long linesAdded, long linesDeleted, int files) {
    }
}
