package dev.covenant.github;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import com.fasterxml.jackson.databind.JsonNode;

/** Reads the fields every handled webhook payload must carry, failing with a message that names the field. */
public final class Payloads {

    private Payloads() {
    }

    public static long installationId(JsonNode payload) {
        JsonNode id = payload.path("installation").path("id");
        if (!id.canConvertToLong()) {
            throw new IllegalArgumentException("The payload has no installation.id");
        }
        return id.asLong();
    }

    public static String repository(JsonNode payload) {
        String name = payload.path("repository").path("full_name").asText(null);
        if (!Repositories.isFullName(name)) {
            throw new IllegalArgumentException("The payload has no valid repository.full_name: " + name);
        }
        return name;
    }

    public static String sha(JsonNode node, String field) {
        String sha = node.path(field).asText(null);
        if (sha == null || !sha.matches("[0-9a-f]{40}|[0-9a-f]{64}")) {
            throw new IllegalArgumentException("The payload has no valid " + field + ": " + sha);
        }
        return sha;
    }

    /** An ISO-8601 date with its offset, as GitHub writes them; {@code what} names it in the error. */
    public static Instant instant(JsonNode node, String field, String what) {
        String text = node.path(field).asText(null);
        try {
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException(what + " has no valid " + field + ": " + text, e);
        }
    }
}
