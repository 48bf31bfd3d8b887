package dev.covenant.github;

import java.time.Instant;

/**
 * A snapshot of a check run as GitHub stores it. {@code status} is "queued", "in_progress" or "completed";
 * {@code conclusion} is null until completed. {@code updates} counts the PATCHes it received.
 */
public record FakeCheckRun(long id, String name, String headSha, String status, String conclusion, String externalId,
        String detailsUrl, String title, String summary, String text, Instant startedAt, Instant completedAt,
        int updates) {
}
