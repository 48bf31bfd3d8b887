package dev.covenant.github;

/** A commit status as created through {@code POST /repos/{owner}/{repo}/statuses/{sha}}. */
public record FakeStatus(long id, String state, String context, String description, String targetUrl) {
}
