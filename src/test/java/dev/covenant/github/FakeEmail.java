package dev.covenant.github;

/** One address on a fake account, shaped like an entry of GitHub's {@code GET /user/emails}. */
public record FakeEmail(String email, boolean primary, boolean verified) {

    public static FakeEmail primaryVerified(String email) {
        return new FakeEmail(email, true, true);
    }
}
