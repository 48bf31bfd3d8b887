package dev.covenant.checks;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import dev.covenant.github.CheckPublisher;

/**
 * One comment per pull request, created on its first failure and edited in place from then on — to ✅ once
 * everyone is covered. It is found by the id Covenant recorded, or else by its hidden marker, so a retry after a
 * crash between posting and recording edits the comment instead of posting a second one.
 */
@ApplicationScoped
public class StickyComment {

    private final CheckPublisher publisher;
    private final PullRequestTracker tracker;

    StickyComment(CheckPublisher publisher, PullRequestTracker tracker) {
        this.publisher = publisher;
        this.tracker = tracker;
    }

    void show(PullRequestTracker.Tracked pr, CheckTexts.Report report) {
        String body = CheckTexts.commentOf(report).render();
        if (pr.commentId() != null
                && publisher.editComment(pr.installationId(), pr.repository(), pr.commentId(), body)) {
            return;
        }
        Optional<Long> marked = pr.commentId() == null && !report.passed()
                ? publisher.findComment(pr.installationId(), pr.repository(), pr.number(), CheckTexts.COMMENT_MARKER)
                : Optional.empty();
        if (marked.isPresent() && publisher.editComment(pr.installationId(), pr.repository(), marked.get(), body)) {
            tracker.recordComment(pr.repository(), pr.number(), marked.get());
            return;
        }
        if (report.passed()) {
            // Nobody was ever asked to sign here (or the comment was deleted): nothing to turn green.
            return;
        }
        long id = publisher.comment(pr.installationId(), pr.repository(), pr.number(), body);
        tracker.recordComment(pr.repository(), pr.number(), id);
    }
}
