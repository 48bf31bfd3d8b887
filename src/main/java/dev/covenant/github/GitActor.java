package dev.covenant.github;

/**
 * A commit's author or committer as git and GitHub report it. {@code login} and {@code githubId} are null when GitHub
 * did not link the commit's e-mail address to an account.
 */
public record GitActor(String name, String email, String login, Long githubId) {

    static final long WEB_FLOW_ID = 19864447L;
    static final String WEB_FLOW_LOGIN = "web-flow";
    static final String WEB_FLOW_EMAIL = "noreply@github.com";

    /** An actor known only by what git recorded: a name and an e-mail address. */
    public static GitActor unlinked(String name, String email) {
        return new GitActor(name, email, null, null);
    }

    /** GitHub's own committer for commits made in the web interface; it never signs anything. */
    public boolean isWebFlow() {
        return (githubId != null && githubId == WEB_FLOW_ID)
                || WEB_FLOW_LOGIN.equalsIgnoreCase(login)
                || WEB_FLOW_EMAIL.equalsIgnoreCase(email == null ? null : email.trim());
    }
}
