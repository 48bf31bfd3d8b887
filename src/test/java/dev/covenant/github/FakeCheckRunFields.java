package dev.covenant.github;

import static dev.covenant.github.FakeGitHubRepos.string;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The fields of a create or update check run request, checked as GitHub checks them for an App: status "queued",
 * "in_progress" or "completed" (GitHub keeps the others for Actions); a conclusion GitHub lets Apps set (not
 * "stale"), which also completes the run; a completed run must have a conclusion; an output needs a title and a
 * summary, and its summary and text at most 65535 bytes of UTF-8 each. Problems collect in {@link #errors()}.
 */
final class FakeCheckRunFields {

    static final Set<String> STATUSES = Set.of("queued", "in_progress", "completed");
    static final Set<String> CONCLUSIONS = Set.of("action_required", "cancelled", "failure", "neutral", "success",
            "skipped", "timed_out");
    static final int MAX_OUTPUT_BYTES = 65535;

    private final JsonNode body;
    private final List<Map<String, Object>> errors = new ArrayList<>();
    private final Instant startedAt;
    private final Instant completedAt;

    FakeCheckRunFields(JsonNode body, boolean creating) {
        this.body = body;
        if (creating || body.has("name")) {
            require("name");
        }
        if (creating) {
            require("head_sha");
        }
        String status = string(body, "status");
        if (status != null && !STATUSES.contains(status)) {
            errors.add(error("status", "invalid", null));
        }
        String conclusion = string(body, "conclusion");
        if (conclusion != null && !CONCLUSIONS.contains(conclusion)) {
            errors.add(error("conclusion", "invalid", null));
        }
        boolean completes = conclusion != null || "completed".equals(status);
        if (creating && completes && conclusion == null) {
            errors.add(error("conclusion", "missing_field", null));
        }
        startedAt = time("started_at");
        completedAt = time("completed_at");
        JsonNode output = body.get("output");
        if (output != null && !output.isNull()) {
            if (string(output, "title") == null) {
                errors.add(error("title", "missing_field", null));
            }
            if (string(output, "summary") == null) {
                errors.add(error("summary", "missing_field", null));
            }
            for (String field : List.of("summary", "text")) {
                String value = string(output, field);
                if (value != null && value.getBytes(StandardCharsets.UTF_8).length > MAX_OUTPUT_BYTES) {
                    errors.add(error(field, "custom", field + " exceeds a maximum bytesize of " + MAX_OUTPUT_BYTES));
                }
            }
        }
    }

    List<Map<String, Object>> errors() {
        return errors;
    }

    /** The new run; call only without {@link #errors()}, since everything a create needs was checked up front. */
    FakeCheckRun create(long id, String headSha) {
        FakeCheckRun empty = new FakeCheckRun(id, string(body, "name"), headSha, "queued", null, null, null, null,
                null, null, FakeRepo.now(), null, 0);
        return apply(empty, 0);
    }

    /** The run after this update, or {@code old} itself (with an error recorded) when the result is inconsistent. */
    FakeCheckRun update(FakeCheckRun old) {
        return apply(old, 1);
    }

    private FakeCheckRun apply(FakeCheckRun old, int update) {
        String conclusion = string(body, "conclusion");
        String status = conclusion != null ? "completed" : stringOr("status", old.status());
        if (conclusion == null) {
            // A run moved back out of "completed" loses its conclusion.
            conclusion = "completed".equals(status) ? old.conclusion() : null;
        }
        if ("completed".equals(status) && conclusion == null) {
            errors.add(error("conclusion", "missing_field", null));
        }
        if (!errors.isEmpty()) {
            return old;
        }
        JsonNode output = body.get("output");
        boolean newOutput = output != null && !output.isNull();
        Instant completed = !"completed".equals(status)
                ? null
                : completedAt != null ? completedAt : old.completedAt() != null ? old.completedAt() : FakeRepo.now();
        return new FakeCheckRun(old.id(), stringOr("name", old.name()), old.headSha(), status, conclusion,
                stringOr("external_id", old.externalId()), stringOr("details_url", old.detailsUrl()),
                newOutput ? string(output, "title") : old.title(),
                newOutput ? string(output, "summary") : old.summary(),
                newOutput ? string(output, "text") : old.text(), startedAt != null ? startedAt : old.startedAt(),
                completed, old.updates() + update);
    }

    private String stringOr(String field, String otherwise) {
        return body.has(field) ? string(body, field) : otherwise;
    }

    private void require(String field) {
        String value = string(body, field);
        if (value == null || value.isBlank()) {
            errors.add(error(field, "missing_field", null));
        }
    }

    private Instant time(String field) {
        String value = string(body, field);
        try {
            return value == null ? null : Instant.parse(value);
        } catch (DateTimeParseException e) {
            errors.add(error(field, "invalid", null));
            return null;
        }
    }

    private static Map<String, Object> error(String field, String code, String message) {
        return FakeResponse.fieldError("CheckRun", field, code, message);
    }
}
