package dev.covenant.github;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Objects;

/**
 * A commit as git records it: who wrote it, who committed it, when and why. Where it sits in history (its parents) is
 * up to the {@link FakeRepo} it is added to; GitHub links the addresses to accounts when it serves the commit.
 */
public record FakeCommit(String sha, String authorName, String authorEmail, String committerName,
        String committerEmail, String message, Instant date) {

    /** The committer of commits made in GitHub's web interface (a squash merge, a suggestion applied). */
    public static final String WEB_FLOW_NAME = "GitHub";
    public static final String WEB_FLOW_EMAIL = "noreply@github.com";

    private static final SecureRandom RANDOM = new SecureRandom();

    public FakeCommit {
        if (sha == null || !sha.matches("[0-9a-f]{40}")) {
            throw new IllegalArgumentException("a commit sha is 40 lower-case hex digits: " + sha);
        }
        Objects.requireNonNull(authorName, "authorName");
        Objects.requireNonNull(authorEmail, "authorEmail");
        Objects.requireNonNull(committerName, "committerName");
        Objects.requireNonNull(committerEmail, "committerEmail");
        Objects.requireNonNull(message, "message");
        // Git keeps whole seconds, and so GitHub's timestamps do.
        date = Objects.requireNonNull(date, "date").truncatedTo(ChronoUnit.SECONDS);
    }

    /** A commit written by {@code name} and committed through GitHub's web flow, now, with a random sha. */
    public static FakeCommit by(String name, String email, String message) {
        return by(name, email, WEB_FLOW_NAME, WEB_FLOW_EMAIL, message);
    }

    public static FakeCommit by(String name, String email, String committerName, String committerEmail,
            String message) {
        return new FakeCommit(randomSha(), name, email, committerName, committerEmail, message, Instant.now());
    }

    /** 40 random hex digits, shaped like a git object id. */
    public static String randomSha() {
        byte[] bytes = new byte[20];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The message's first line, which GitHub shows as the title. */
    String subject() {
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
