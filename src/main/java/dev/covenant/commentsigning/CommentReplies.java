package dev.covenant.commentsigning;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;

/**
 * What Covenant answers on the pull request when a signing comment signs nothing, from the templates in
 * {@code templates/checks/}. Each answer carries a hidden {@link #marker} naming the comment it answers, so a retried
 * delivery does not answer twice.
 */
@CheckedTemplate(basePath = "checks")
class CommentReplies {

    static String marker(long commentId) {
        return "<!-- covenant:sign-by-comment-reply comment=" + commentId + " -->";
    }

    /** {@code login} wrote the phrase but contributed no commit to the pull request. */
    static native TemplateInstance commentNotAContributor(String marker, String login, String agreementTitle,
            String signUrl);

    /** The version to sign asks for form fields, which a comment cannot fill in. */
    static native TemplateInstance commentFormRequired(String marker, String login, String agreementTitle,
            String version, String signUrl);
}
