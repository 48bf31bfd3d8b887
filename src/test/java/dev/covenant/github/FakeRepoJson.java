package dev.covenant.github;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON GitHub serves for repositories, pull requests, issues and the accounts they name, shared by the routes and
 * by {@link FakeWebhooks}. Only fields a GitHub App reads are filled in, with GitHub's names and types.
 */
final class FakeRepoJson {

    /** The "simple user" GitHub embeds wherever an account is named, unlike the full profile of /users/{login}. */
    private static final Set<String> SIMPLE_USER = Set.of("login", "id", "node_id", "avatar_url", "gravatar_id", "url",
            "html_url", "followers_url", "following_url", "gists_url", "starred_url", "subscriptions_url",
            "organizations_url", "repos_url", "events_url", "received_events_url", "type", "user_view_type",
            "site_admin");

    private final FakeGitHubRepos home;

    FakeRepoJson(FakeGitHubRepos home) {
        this.home = home;
    }

    String api(FakeRepo repo) {
        return home.apiUrl() + "/repos/" + repo.fullName();
    }

    String html(FakeRepo repo) {
        return home.webUrl() + "/" + repo.fullName();
    }

    Map<String, Object> repository(FakeRepo repo) {
        String api = api(repo);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", repo.id());
        json.put("node_id", nodeId("010:Repository", repo.id()));
        json.put("name", repo.name());
        json.put("full_name", repo.fullName());
        json.put("private", true);
        json.put("owner", account(repo.ownerLogin()));
        json.put("html_url", html(repo));
        json.put("description", null);
        json.put("fork", false);
        json.put("url", api);
        json.put("collaborators_url", api + "/collaborators{/collaborator}");
        json.put("commits_url", api + "/commits{/sha}");
        json.put("compare_url", api + "/compare/{base}...{head}");
        json.put("issue_comment_url", api + "/issues/comments{/number}");
        json.put("issues_url", api + "/issues{/number}");
        json.put("pulls_url", api + "/pulls{/number}");
        json.put("statuses_url", api + "/statuses/{sha}");
        json.put("git_url", "git://" + home.webUrl().replaceFirst("^https?://", "") + "/" + repo.fullName() + ".git");
        json.put("clone_url", html(repo) + ".git");
        json.put("created_at", "2024-03-04T05:06:07Z");
        json.put("updated_at", "2025-03-04T05:06:07Z");
        json.put("pushed_at", "2025-03-04T05:06:07Z");
        json.put("archived", false);
        json.put("disabled", false);
        json.put("visibility", "private");
        json.put("open_issues_count", repo.pullRequests().stream().filter(FakePullRequest::isOpen).count());
        json.put("default_branch", FakeRepo.DEFAULT_BRANCH);
        return json;
    }

    /** A pull request as listed; {@code full} adds what only {@code GET /pulls/{number}} and webhooks carry. */
    Map<String, Object> pullRequest(FakeRepo repo, FakePullRequest pull, boolean full) {
        String api = api(repo);
        String self = api + "/pulls/" + pull.number();
        String html = html(repo) + "/pull/" + pull.number();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", self);
        json.put("id", pull.id());
        json.put("node_id", nodeId("011:PullRequest", pull.id()));
        json.put("html_url", html);
        json.put("diff_url", html + ".diff");
        json.put("patch_url", html + ".patch");
        json.put("issue_url", api + "/issues/" + pull.number());
        json.put("commits_url", self + "/commits");
        json.put("comments_url", api + "/issues/" + pull.number() + "/comments");
        json.put("statuses_url", api + "/statuses/" + pull.headSha());
        json.put("number", pull.number());
        json.put("state", pull.state());
        json.put("locked", false);
        json.put("title", pull.title());
        json.put("user", user(repo, pull.authorLogin()));
        json.put("body", null);
        json.put("labels", List.of());
        json.put("created_at", pull.createdAt().toString());
        json.put("updated_at", pull.updatedAt().toString());
        json.put("closed_at", pull.closedAt() == null ? null : pull.closedAt().toString());
        json.put("merged_at", pull.merged() ? pull.mergedAt().toString() : null);
        json.put("merge_commit_sha", pull.merged() ? FakeCommitJson.treeSha("merge " + pull.headSha()) : null);
        json.put("draft", false);
        json.put("head", branch(repo, pull.headRef(), pull.headSha()));
        json.put("base", branch(repo, pull.baseRef(), pull.baseSha()));
        json.put("_links",
                Map.of("self", href(self), "html", href(html), "issue", href(api + "/issues/" + pull.number()),
                        "comments", href(api + "/issues/" + pull.number() + "/comments"), "commits",
                        href(self + "/commits"),
                        "statuses", href(api + "/statuses/" + pull.headSha())));
        json.put("author_association", association(repo, pull.authorLogin()));
        if (full) {
            json.put("merged", pull.merged());
            json.put("mergeable", pull.isOpen() ? Boolean.TRUE : null);
            json.put("mergeable_state", pull.isOpen() ? "clean" : "unknown");
            json.put("merged_by", null);
            json.put("comments", repo.activity().comments(pull.number()).size());
            json.put("review_comments", 0);
            json.put("maintainer_can_modify", false);
            json.put("commits", pull.commits().size());
            json.put("additions", pull.commits().stream().mapToInt(c -> repo.lines(c.sha())[0]).sum());
            json.put("deletions", pull.commits().stream().mapToInt(c -> repo.lines(c.sha())[1]).sum());
            json.put("changed_files", pull.commits().size());
        }
        return json;
    }

    /** The short form check runs and check suites list their pull requests in. */
    Map<String, Object> pullRequestRef(FakeRepo repo, FakePullRequest pull) {
        Map<String, Object> repoRef = Map.of("id", repo.id(), "url", api(repo), "name", repo.name());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", api(repo) + "/pulls/" + pull.number());
        json.put("id", pull.id());
        json.put("number", pull.number());
        json.put("head", Map.of("ref", pull.headRef(), "sha", pull.headSha(), "repo", repoRef));
        json.put("base", Map.of("ref", pull.baseRef(), "sha", pull.baseSha(), "repo", repoRef));
        return json;
    }

    /** The issue side of a pull request, as {@code GET /issues/{number}} and issue_comment webhooks show it. */
    Map<String, Object> issue(FakeRepo repo, FakePullRequest pull) {
        String api = api(repo) + "/issues/" + pull.number();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", api);
        json.put("repository_url", api(repo));
        json.put("comments_url", api + "/comments");
        json.put("html_url", html(repo) + "/pull/" + pull.number());
        json.put("id", pull.id());
        json.put("node_id", nodeId("011:PullRequest", pull.id()));
        json.put("number", pull.number());
        json.put("title", pull.title());
        json.put("user", user(repo, pull.authorLogin()));
        json.put("labels", List.of());
        json.put("state", pull.state());
        json.put("locked", false);
        json.put("comments", repo.activity().comments(pull.number()).size());
        json.put("created_at", pull.createdAt().toString());
        json.put("updated_at", pull.updatedAt().toString());
        json.put("closed_at", pull.closedAt() == null ? null : pull.closedAt().toString());
        json.put("author_association", association(repo, pull.authorLogin()));
        json.put("pull_request", Map.of("url", api(repo) + "/pulls/" + pull.number(),
                "html_url", html(repo) + "/pull/" + pull.number(), "diff_url", html(repo) + "/pull/" + pull.number()
                        + ".diff",
                "patch_url", html(repo) + "/pull/" + pull.number() + ".patch"));
        json.put("body", null);
        return json;
    }

    /** The simple user for a login: the App's bot, a fake account, else an organization. */
    Map<String, Object> user(FakeRepo repo, String login) {
        if (login.equals(botLogin())) {
            return bot(home.appIdOf(repo));
        }
        return account(login);
    }

    Map<String, Object> account(String login) {
        FakeGitHubUser user = home.directory().user(login);
        return user == null ? home.directory().accountJson(login) : simple(user);
    }

    Map<String, Object> simple(FakeGitHubUser user) {
        Map<String, Object> json = new LinkedHashMap<>(user.toJson(home.apiUrl(), home.webUrl(), false));
        json.keySet().retainAll(SIMPLE_USER);
        return json;
    }

    Map<String, Object> webFlow() {
        return simple(FakeGitHubApi.WEB_FLOW);
    }

    String botLogin() {
        return home.apps().slug() + "[bot]";
    }

    /** The App's bot account, the author of everything an installation writes. */
    Map<String, Object> bot(long appId) {
        long id = 100_000_000L + appId;
        String encoded = URLEncoder.encode(botLogin(), StandardCharsets.UTF_8);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("login", botLogin());
        json.put("id", id);
        json.put("node_id", nodeId("03:Bot", id));
        json.put("avatar_url", home.webUrl() + "/avatars/in/" + appId + "?v=4");
        json.put("gravatar_id", "");
        json.put("url", home.apiUrl() + "/users/" + encoded);
        json.put("html_url", home.webUrl() + "/apps/" + home.apps().slug());
        json.put("type", "Bot");
        json.put("user_view_type", "public");
        json.put("site_admin", false);
        return json;
    }

    /** How GitHub relates a commenter or author to the repository. */
    String association(FakeRepo repo, String login) {
        if (login.equalsIgnoreCase(repo.ownerLogin())) {
            return "OWNER";
        }
        return repo.role(login) != null ? "COLLABORATOR" : "NONE";
    }

    static String nodeId(String prefix, long id) {
        return Base64.getEncoder().encodeToString((prefix + id).getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> branch(FakeRepo repo, String ref, String sha) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("label", repo.ownerLogin() + ":" + ref);
        json.put("ref", ref);
        json.put("sha", sha);
        json.put("user", account(repo.ownerLogin()));
        json.put("repo", repository(repo));
        return json;
    }

    private static Map<String, String> href(String url) {
        return Map.of("href", url);
    }
}
