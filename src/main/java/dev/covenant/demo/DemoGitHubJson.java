package dev.covenant.demo;

import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.covenant.CovenantConfig;

/** GitHub's JSON for what the stand-in knows: accounts, the App, demo/widget, its pull requests, checks, comments. */
@ApplicationScoped
public class DemoGitHubJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final CovenantConfig config;

    DemoGitHubJson(CovenantConfig config) {
        this.config = config;
    }

    static Map<String, Object> account(String login) {
        Map<String, Object> account = new HashMap<>();
        account.put("login", login);
        account.put("id", DemoPeople.idOf(login));
        account.put("node_id", "U_demo" + DemoPeople.idOf(login));
        account.put("type", "User");
        account.put("site_admin", false);
        account.put("name", login);
        account.put("email", DemoPeople.email(login));
        return account;
    }

    Map<String, Object> appJson() {
        Map<String, Object> json = new HashMap<>();
        json.put("id", DemoConfigSourceFactory.APP_ID);
        json.put("slug", "covenant-demo");
        json.put("name", "Covenant (demo)");
        json.put("node_id", "A_demo");
        json.put("owner", owner());
        json.put("client_id", DemoConfigSourceFactory.CLIENT_ID);
        json.put("html_url", config.publicUrl() + DemoGitHubRoutes.WEB + "/apps/covenant-demo");
        json.put("permissions", Map.of("checks", "write", "pull_requests", "read", "metadata", "read"));
        json.put("events", List.of("pull_request"));
        json.put("created_at", "2026-01-01T00:00:00Z");
        json.put("updated_at", "2026-01-01T00:00:00Z");
        return json;
    }

    static Map<String, Object> owner() {
        return Map.of("login", DemoGitHub.OWNER, "id", DemoGitHub.OWNER_ID, "type", "Organization", "site_admin",
                false);
    }

    Map<String, Object> repository() {
        return Map.of("id", DemoGitHub.REPOSITORY_ID, "node_id", "R_demo", "name", "widget", "full_name",
                DemoGitHub.REPOSITORY, "private", false, "owner", owner(), "html_url",
                config.publicUrl() + DemoGitHubRoutes.WEB + "/" + DemoGitHub.REPOSITORY, "fork", false,
                "default_branch", "main");
    }

    /** A pull request as GitHub's REST API and its webhooks show it. */
    ObjectNode pullRequestJson(DemoGitHub.PullRequest pr) {
        ObjectNode json = JSON.createObjectNode();
        json.put("id", 50_000L + pr.number());
        json.put("number", pr.number());
        json.put("state", "open");
        json.put("locked", false);
        json.put("title", "Demo change number " + pr.number());
        json.putPOJO("user", account(pr.author()));
        json.put("body", "Opened from the demo's pull request page.");
        json.put("created_at", pr.createdAt().toString());
        json.put("updated_at", pr.createdAt().toString());
        json.putNull("closed_at");
        json.putNull("merged_at");
        json.put("draft", false);
        json.put("merged", false);
        json.put("html_url", config.publicUrl() + DemoPullRequestsResource.PATH + "/" + pr.number());
        json.putPOJO("head", Map.of("label", pr.author() + ":demo-" + pr.number(), "ref", "demo-" + pr.number(),
                "sha", pr.headSha(), "user", account(pr.author()), "repo", repository()));
        json.putPOJO("base", Map.of("label", "demo:main", "ref", "main", "sha", pr.baseSha(), "user", owner(),
                "repo", repository()));
        json.put("author_association", "CONTRIBUTOR");
        json.put("commits", pr.commits().size());
        json.put("additions", 3 * pr.commits().size());
        json.put("deletions", 0);
        json.put("changed_files", 1);
        return json;
    }

    static ObjectNode commitJson(DemoGitHub.Commit commit) {
        Map<String, Object> git = Map.of("name", commit.author(), "email", DemoPeople.email(commit.author()), "date",
                commit.date().truncatedTo(ChronoUnit.SECONDS).toString());
        ObjectNode json = JSON.createObjectNode();
        json.put("sha", commit.sha());
        json.putPOJO("commit", Map.of("author", git, "committer", git, "message", commit.message()));
        json.putPOJO("author", account(commit.author()));
        json.putPOJO("committer", account(commit.author()));
        json.putPOJO("parents", List.of());
        return json;
    }

    static Map<String, Object> checkRunJson(DemoGitHub.CheckRun run) {
        Map<String, Object> json = new HashMap<>();
        json.put("id", run.id());
        json.put("name", run.name());
        json.put("head_sha", run.headSha());
        json.put("external_id", run.externalId());
        json.put("status", run.status());
        json.put("conclusion", run.conclusion());
        Map<String, Object> output = new HashMap<>();
        output.put("title", run.title());
        output.put("summary", run.summary());
        json.put("output", output);
        return json;
    }

    static Map<String, Object> commentJson(DemoGitHub.Comment comment) {
        return Map.of("id", comment.id(), "body", comment.body(), "user",
                Map.of("login", "covenant-demo[bot]", "id", 2, "type", "Bot"));
    }
}
