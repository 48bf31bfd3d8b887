package dev.covenant.github;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A pull request as far as checking it goes: where it lives, its head and base commits, how many commits GitHub
 * counts, and when GitHub last changed it ({@code updated_at}, which orders webhook payloads that arrive out of
 * order).
 */
public record PullRequestHead(long installationId, String repository, int number, boolean open, String headSha,
        String baseSha, int commitCount, String authorLogin, Instant updatedAt) {

    public PullRequestHead {
        Repositories.requireFullName(repository);
        if (number <= 0) {
            throw new IllegalArgumentException("a pull request number is positive, got " + number);
        }
        if (headSha == null || headSha.isBlank() || baseSha == null || baseSha.isBlank()) {
            throw new IllegalArgumentException(repository + "#" + number + " lacks its head or base sha");
        }
    }

    /** From a {@code pull_request} object of GitHub's REST API or of a webhook payload. */
    public static PullRequestHead of(long installationId, String repository, JsonNode pr) {
        if (!pr.path("number").canConvertToInt()) {
            throw new IllegalArgumentException("The pull request object of " + repository + " has no number");
        }
        return new PullRequestHead(installationId, repository, pr.path("number").asInt(),
                "open".equals(pr.path("state").asText()), pr.path("head").path("sha").asText(null),
                pr.path("base").path("sha").asText(null), pr.path("commits").asInt(0),
                pr.path("user").path("login").asText(null), instant(pr.path("updated_at").asText(null)));
    }

    public String label() {
        return repository + "#" + number;
    }

    private static Instant instant(String text) {
        if (text == null) {
            return Instant.EPOCH;
        }
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            return Instant.EPOCH;
        }
    }
}
