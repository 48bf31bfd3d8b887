package dev.covenant.checks;

/**
 * Hears the comments people write on pull requests that are not a recheck. The check takes every
 * {@code issue_comment} delivery (one handler per event); rooms above it implement this to act on a comment too, as
 * signing by comment does. Called with no transaction open, like any handler; {@code RetryLater} and GitHub's faults
 * retry the whole delivery, so what a listener does must be safe to repeat.
 */
public interface CommentListener {

    void commented(PullRequestComment comment);
}
