package dev.covenant.checks;

/**
 * A person's (never a bot's) comment created on a pull request, as its {@code issue_comment} delivery tells it:
 * {@code authorId} and {@code authorLogin} the commenter's account, {@code url} the comment's {@code html_url}.
 */
public record PullRequestComment(String deliveryId, long installationId, String repository, int number, long id,
        String url, String body, long authorId, String authorLogin) {
}
