package dev.covenant.jobs;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * A job as its kind receives it: {@code attempts} counts every claim so far (this one included), and
 * {@code resumed} says that the instance which held it before stopped while it ran, so that the kind starts it again
 * from the beginning.
 */
public record Job(long id, String kind, String key, JsonNode payload, int attempts, boolean resumed) {
}
