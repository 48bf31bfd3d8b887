package dev.covenant.github;

import java.time.Instant;

/**
 * A snapshot of an issue comment on a pull request; {@code userLogin} is "{slug}[bot]" for one written by the App's
 * installation. {@code edits} counts the PATCHes it received.
 */
public record FakeComment(long id, String body, String userLogin, Instant createdAt, Instant updatedAt, int edits) {
}
