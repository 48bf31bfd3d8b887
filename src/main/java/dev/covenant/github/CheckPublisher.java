package dev.covenant.github;

import java.net.URLEncoder;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Writes what a check concluded back to GitHub: check runs, commit statuses and the pull request's comment. Texts
 * arrive rendered; this only speaks GitHub's API.
 */
@ApplicationScoped
public class CheckPublisher {

    /** GitHub refuses a check run's summary or text beyond this many bytes of UTF-8. */
    static final int OUTPUT_LIMIT = 65_535;
    private static final String CUT = "\n\n… (cut at GitHub's limit)";

    private final GitHubRest rest;

    CheckPublisher(GitHubRest rest) {
        this.rest = rest;
    }

    /** What a check run shows; {@code conclusion} is null while it is in progress. */
    public record CheckRun(String name, String headSha, String externalId, String detailsUrl, String conclusion,
            String title, String summary, String text) {
    }

    /**
     * Creates the check run, in progress or completed; returns its id. When the create times out or answers 5xx,
     * GitHub may have created it all the same: the run is looked for (by name and external id on the head) and
     * updated rather than created twice; only if there is none does the failure stand, for a retry.
     */
    public long create(long installationId, String repository, CheckRun run, Instant now) {
        Map<String, Object> body = body(run, now);
        body.put("name", run.name());
        body.put("head_sha", run.headSha());
        body.put("started_at", now.toString());
        try {
            return rest.post(installationId, "/repos/" + Repositories.requireFullName(repository) + "/check-runs",
                    body).path("id").asLong();
        } catch (GitHubUnavailableException e) {
            Optional<Long> made = find(installationId, repository, run);
            if (made.isPresent() && update(installationId, repository, made.get(), run, now)) {
                return made.get();
            }
            throw e;
        }
    }

    /**
     * The newest check run of this name and external id on the run's head sha: one an earlier attempt created though
     * its answer was lost. {@code GET /repos/{o}/{r}/commits/{sha}/check-runs?check_name=} with every run of the name.
     */
    public Optional<Long> find(long installationId, String repository, CheckRun run) {
        List<JsonNode> runs = rest.list(installationId, "/repos/" + Repositories.requireFullName(repository)
                + "/commits/" + run.headSha() + "/check-runs?check_name="
                + URLEncoder.encode(run.name(), StandardCharsets.UTF_8) + "&filter=all&per_page=100", "check_runs",
                1_000);
        return runs.stream().filter(r -> Objects.equals(run.externalId(), r.path("external_id").asText(null)))
                .map(r -> r.path("id").asLong()).max(Long::compare);
    }

    /** Updates a check run; false if GitHub no longer has it. */
    public boolean update(long installationId, String repository, long checkRunId, CheckRun run, Instant now) {
        try {
            rest.patch(installationId,
                    "/repos/" + Repositories.requireFullName(repository) + "/check-runs/" + checkRunId,
                    body(run, now));
            return true;
        } catch (GitHubRequestException e) {
            if (e.notFound()) {
                return false;
            }
            throw e;
        }
    }

    private static Map<String, Object> body(CheckRun run, Instant now) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (run.externalId() != null) {
            body.put("external_id", run.externalId());
        }
        if (run.detailsUrl() != null) {
            body.put("details_url", run.detailsUrl());
        }
        if (run.conclusion() == null) {
            body.put("status", "in_progress");
        } else {
            body.put("status", "completed");
            body.put("conclusion", run.conclusion());
            body.put("completed_at", now.toString());
        }
        if (run.title() != null) {
            body.put("output", Map.of("title", run.title(), "summary", clip(run.summary()), "text", clip(run.text())));
        }
        return body;
    }

    /** Sets a commit status; {@code state} is GitHub's: success, failure, pending or error. */
    public void status(long installationId, String repository, String sha, String state, String context,
            String description, String targetUrl) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("state", state);
        body.put("context", context);
        // GitHub keeps 140 characters of a status description.
        body.put("description", description.length() > 140 ? description.substring(0, 139) + "…" : description);
        if (targetUrl != null) {
            body.put("target_url", targetUrl);
        }
        rest.post(installationId, "/repos/" + Repositories.requireFullName(repository) + "/statuses/" + sha, body);
    }

    /** The first comment on the pull request whose body carries {@code marker}, if any. */
    public Optional<Long> findComment(long installationId, String repository, int number, String marker) {
        List<JsonNode> comments = rest.list(installationId, "/repos/" + Repositories.requireFullName(repository)
                + "/issues/" + number + "/comments?per_page=100", null, 10_000);
        return comments.stream().filter(c -> c.path("body").asText("").contains(marker))
                .map(c -> c.path("id").asLong()).findFirst();
    }

    /**
     * The body of the newest comment on the pull request that an app wrote (GitHub's {@code Bot} type, which people
     * cannot take) and that carries {@code marker}, if any.
     */
    public Optional<String> lastAppComment(long installationId, String repository, int number, String marker) {
        List<JsonNode> comments = rest.list(installationId, "/repos/" + Repositories.requireFullName(repository)
                + "/issues/" + number + "/comments?per_page=100", null, 10_000);
        String found = null;
        for (JsonNode c : comments) {
            String body = c.path("body").asText("");
            if ("Bot".equals(c.path("user").path("type").asText()) && body.contains(marker)) {
                found = body;
            }
        }
        return Optional.ofNullable(found);
    }

    public long comment(long installationId, String repository, int number, String body) {
        return rest.post(installationId, "/repos/" + Repositories.requireFullName(repository) + "/issues/" + number
                + "/comments", Map.of("body", body)).path("id").asLong();
    }

    /** Edits a comment in place; false if it is gone (someone deleted it). */
    public boolean editComment(long installationId, String repository, long commentId, String body) {
        try {
            rest.patch(installationId,
                    "/repos/" + Repositories.requireFullName(repository) + "/issues/comments/" + commentId,
                    Map.of("body", body));
            return true;
        } catch (GitHubRequestException e) {
            if (e.notFound()) {
                return false;
            }
            throw e;
        }
    }

    static String clip(String text) {
        if (text == null) {
            return "";
        }
        if (text.getBytes(StandardCharsets.UTF_8).length <= OUTPUT_LIMIT) {
            return text;
        }
        // Encodes as much as fits, never splitting a character.
        CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder();
        ByteBuffer room = ByteBuffer.allocate(OUTPUT_LIMIT - CUT.getBytes(StandardCharsets.UTF_8).length);
        CharBuffer chars = CharBuffer.wrap(text);
        encoder.encode(chars, room, true);
        return text.substring(0, chars.position()) + CUT;
    }
}
