package dev.covenant.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Keeps webhooks/ honest: every sample payload has the fields the service reads, shaped as GitHub sends them and
 * consistent with each other, and the App manifest asks for the permissions and events the service needs.
 */
class SamplePayloadsTest {

    private static final Path WEBHOOKS = Path.of("webhooks");
    private static final Pattern FILE_NAME = Pattern.compile("([a-z_]+)(?:\\.([a-z_]+))?\\.json");
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{40}");
    private static final String PLACEHOLDER = "https://covenant.example.org";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** What each event's sample must hold beyond the envelope (action, sender, installation, repository). */
    private static final Map<String, BiConsumer<String, JsonNode>> CHECKS = Map.of(
            "pull_request", SamplePayloadsTest::pullRequest,
            "merge_group", SamplePayloadsTest::mergeGroup,
            "issue_comment", SamplePayloadsTest::issueComment,
            "check_run", SamplePayloadsTest::checkRun,
            "installation", SamplePayloadsTest::installation,
            "installation_repositories", SamplePayloadsTest::installationRepositories,
            "ping", SamplePayloadsTest::ping);

    static Stream<Path> samples() throws IOException {
        try (Stream<Path> files = Files.list(WEBHOOKS.resolve("payloads"))) {
            return files.sorted().toList().stream();
        }
    }

    @ParameterizedTest
    @MethodSource("samples")
    void sampleHasWhatTheServiceReads(Path file) throws IOException {
        Matcher name = FILE_NAME.matcher(file.getFileName().toString());
        assertTrue(name.matches(), file + " is not named <event>.<action>.json");
        String event = name.group(1);
        assertTrue(CHECKS.containsKey(event), file + ": " + event + " is not an event Covenant handles");
        JsonNode payload = JSON.readTree(file.toFile());
        String where = file.getFileName().toString();
        if (!"ping".equals(event)) {
            assertEquals(name.group(2), payload.path("action").asText(null),
                    where + ": action differs from the file name");
            assertTrue(payload.path("installation").path("id").isIntegralNumber(), where + ": installation.id");
        }
        user(where + ": sender", payload.path("sender"));
        if (payload.has("repository")) {
            JsonNode repo = payload.path("repository");
            assertTrue(repo.path("id").isIntegralNumber(), where + ": repository.id");
            assertEquals(repo.path("owner").path("login").asText() + "/" + repo.path("name").asText(),
                    repo.path("full_name").asText(), where + ": repository.full_name is not owner.login/name");
        }
        CHECKS.get(event).accept(where, payload);
    }

    @Test
    void everyHandledEventHasASample() throws IOException {
        Set<String> sampled = new HashSet<>();
        samples().forEach(p -> sampled.add(p.getFileName().toString().replaceAll("\\.json$", "")));
        for (String required : List.of("ping", "pull_request.opened", "pull_request.reopened",
                "pull_request.synchronize",
                "pull_request.closed", "merge_group.checks_requested", "issue_comment.created", "check_run.rerequested",
                "installation.created", "installation.deleted", "installation_repositories.added",
                "installation_repositories.removed")) {
            assertTrue(sampled.contains(required), "no sample " + required + ".json");
        }
        WebhookInbox.HANDLED.keySet().forEach(event -> assertTrue(CHECKS.containsKey(event), "no checks for " + event));
    }

    @Test
    void manifestAsksForWhatTheServiceNeeds() throws IOException {
        JsonNode manifest = JSON.readTree(WEBHOOKS.resolve("app-manifest.json").toFile());
        Map<String, String> permissions = new TreeMap<>();
        manifest.path("default_permissions").fields()
                .forEachRemaining(e -> permissions.put(e.getKey(), e.getValue().asText()));
        assertEquals(
                new TreeMap<>(
                        Map.of("checks", "write", "pull_requests", "write", "statuses", "write", "contents", "read",
                                "metadata", "read", "merge_queues", "read", "members", "read", "emails", "read")),
                permissions);
        Set<String> events = new HashSet<>();
        manifest.path("default_events").forEach(e -> events.add(e.asText()));
        assertEquals(Set.of("pull_request", "merge_group", "issue_comment", "check_run"), events);
        // GitHub sends installation and installation_repositories to every App; the rest must be subscribed to.
        Set<String> subscribable = new HashSet<>(WebhookInbox.HANDLED.keySet());
        subscribable.removeAll(Set.of("installation", "installation_repositories"));
        assertEquals(subscribable, events, "the manifest's events and the inbox's handled events differ");

        assertEquals(PLACEHOLDER + "/github/webhook", manifest.path("hook_attributes").path("url").asText());
        assertTrue(manifest.path("hook_attributes").path("active").asBoolean());
        assertEquals(PLACEHOLDER + "/login/callback", manifest.path("callback_urls").path(0).asText());
        assertFalse(manifest.path("request_oauth_on_install").asBoolean(true));
        for (String field : List.of("url", "redirect_url", "setup_url")) {
            assertTrue(manifest.path(field).asText().startsWith(PLACEHOLDER),
                    field + " must use the placeholder create-app.sh replaces");
        }
        assertFalse(manifest.path("name").asText().isBlank());
    }

    private static void pullRequest(String where, JsonNode payload) {
        JsonNode pr = payload.path("pull_request");
        assertEquals(payload.path("number").asInt(), pr.path("number").asInt(), where + ": number");
        assertTrue(pr.path("number").isIntegralNumber() && pr.path("commits").asInt() > 0, where + ": number, commits");
        for (String side : List.of("head", "base")) {
            sha(where + ": " + side + ".sha", pr.path(side).path("sha"));
            assertFalse(pr.path(side).path("ref").asText().isBlank(), where + ": " + side + ".ref");
            assertTrue(pr.path(side).path("repo").path("id").isIntegralNumber(), where + ": " + side + ".repo.id");
        }
        assertEquals(payload.path("repository").path("full_name").asText(),
                pr.path("base").path("repo").path("full_name").asText(),
                where + ": the base repository is the repository");
        Instant.parse(pr.path("updated_at").asText());
        user(where + ": pull_request.user", pr.path("user"));
        String action = payload.path("action").asText();
        assertEquals("closed".equals(action) ? "closed" : "open", pr.path("state").asText(), where + ": state");
        if ("synchronize".equals(action)) {
            sha(where + ": before", payload.path("before"));
            assertEquals(pr.path("head").path("sha").asText(), payload.path("after").asText(),
                    where + ": after is the new head");
        }
    }

    private static void mergeGroup(String where, JsonNode payload) {
        JsonNode group = payload.path("merge_group");
        sha(where + ": head_sha", group.path("head_sha"));
        sha(where + ": base_sha", group.path("base_sha"));
        String baseRef = group.path("base_ref").asText();
        assertTrue(baseRef.startsWith("refs/heads/"), where + ": base_ref is a full ref");
        String branch = baseRef.substring("refs/heads/".length());
        assertTrue(
                group.path("head_ref").asText()
                        .matches("refs/heads/gh-readonly-queue/" + Pattern.quote(branch) + "/pr-\\d+-[0-9a-f]{40}"),
                where + ": head_ref is not a merge-queue branch of " + branch);
        assertEquals(group.path("head_sha").asText(), group.path("head_commit").path("id").asText(),
                where + ": head_commit.id");
        assertFalse(group.path("head_commit").path("author").path("email").asText().isBlank(),
                where + ": head_commit.author");
    }

    private static void issueComment(String where, JsonNode payload) {
        JsonNode issue = payload.path("issue");
        assertTrue(issue.path("number").isIntegralNumber(), where + ": issue.number");
        assertTrue(issue.path("pull_request").isObject(),
                where + ": the comment must be on a pull request (issue.pull_request)");
        assertEquals("/cla recheck", payload.path("comment").path("body").asText().trim(), where + ": comment.body");
        user(where + ": comment.user", payload.path("comment").path("user"));
    }

    private static void checkRun(String where, JsonNode payload) {
        JsonNode run = payload.path("check_run");
        assertTrue(run.path("id").isIntegralNumber(), where + ": check_run.id");
        assertEquals("CLA", run.path("name").asText(), where + ": check_run.name");
        sha(where + ": check_run.head_sha", run.path("head_sha"));
        // Covenant's own check runs carry pull_request:<number> or merge_group:<base sha> (see the pull-request checks).
        Matcher external = Pattern.compile("pull_request:(\\d+)|merge_group:[0-9a-f]{40}")
                .matcher(run.path("external_id").asText());
        assertTrue(external.matches(), where + ": check_run.external_id is not one Covenant writes");
        assertTrue(run.path("app").path("id").isIntegralNumber(), where + ": check_run.app.id");
        assertFalse(run.path("app").path("slug").asText().isBlank(), where + ": check_run.app.slug");
        assertFalse(run.path("pull_requests").isEmpty(), where + ": check_run.pull_requests");
        for (JsonNode pr : run.path("pull_requests")) {
            assertTrue(pr.path("number").isIntegralNumber(), where + ": pull_requests[].number");
            assertEquals(run.path("head_sha").asText(), pr.path("head").path("sha").asText(),
                    where + ": pull_requests[].head.sha");
        }
        if (external.group(1) != null) {
            assertEquals(external.group(1), run.path("pull_requests").path(0).path("number").asText(),
                    where + ": external_id number");
        }
    }

    private static void installation(String where, JsonNode payload) {
        JsonNode installation = payload.path("installation");
        assertFalse(installation.path("account").path("login").asText().isBlank(),
                where + ": installation.account.login");
        repositories(where + ": repositories", installation, payload.path("repositories"));
    }

    private static void installationRepositories(String where, JsonNode payload) {
        String changed = "added".equals(payload.path("action").asText())
                ? "repositories_added"
                : "repositories_removed";
        assertTrue(payload.path("repositories_added").isArray() && payload.path("repositories_removed").isArray(),
                where);
        repositories(where + ": " + changed, payload.path("installation"), payload.path(changed));
    }

    private static void ping(String where, JsonNode payload) {
        assertFalse(payload.path("zen").asText().isBlank(), where + ": zen");
        assertTrue(payload.path("hook").path("app_id").isIntegralNumber(), where + ": hook.app_id (an App's hook)");
    }

    private static void repositories(String where, JsonNode installation, JsonNode repositories) {
        assertFalse(repositories.isEmpty(), where + " is empty");
        String owner = installation.path("account").path("login").asText();
        for (JsonNode repo : repositories) {
            assertTrue(repo.path("id").isIntegralNumber(), where + "[].id");
            assertEquals(owner + "/" + repo.path("name").asText(), repo.path("full_name").asText(),
                    where + "[].full_name");
        }
    }

    private static void sha(String what, JsonNode node) {
        assertTrue(SHA.matcher(node.asText("")).matches(), what + " is not a 40-hex commit sha: " + node);
    }

    private static void user(String what, JsonNode node) {
        assertFalse(node.path("login").asText().isBlank(), what + ".login");
        assertTrue(node.path("id").isIntegralNumber(), what + ".id");
    }
}
