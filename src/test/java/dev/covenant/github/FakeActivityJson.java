package dev.covenant.github;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The JSON of what an App writes on a repository: check runs, issue comments and commit statuses. */
final class FakeActivityJson {

    private final FakeGitHubRepos home;

    FakeActivityJson(FakeGitHubRepos home) {
        this.home = home;
    }

    /**
     * A check run; its {@code pull_requests} are the repository's open pull requests whose head is the run's commit,
     * or none when {@code withPullRequests} is false (GitHub leaves them out for pull requests from forks).
     */
    Map<String, Object> checkRun(FakeRepo repo, FakeCheckRun run, boolean withPullRequests) {
        FakeRepoJson json = home.json();
        long appId = home.appIdOf(repo);
        long suiteId = repo.activity().checkSuiteId(run.headSha());
        Map<String, Object> output = new LinkedHashMap<>();
        output.put("title", run.title());
        output.put("summary", run.summary());
        output.put("text", run.text());
        output.put("annotations_count", 0);
        output.put("annotations_url", json.api(repo) + "/check-runs/" + run.id() + "/annotations");
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", run.id());
        out.put("name", run.name());
        out.put("node_id", FakeRepoJson.nodeId("08:CheckRun", run.id()));
        out.put("head_sha", run.headSha());
        out.put("external_id", run.externalId() == null ? "" : run.externalId());
        out.put("url", json.api(repo) + "/check-runs/" + run.id());
        out.put("html_url", json.html(repo) + "/runs/" + run.id());
        // Without one of its own, GitHub links the App's homepage.
        out.put("details_url", run.detailsUrl() == null ? FakeGitHubApps.HOMEPAGE : run.detailsUrl());
        out.put("status", run.status());
        out.put("conclusion", run.conclusion());
        out.put("started_at", time(run.startedAt()));
        out.put("completed_at", time(run.completedAt()));
        out.put("output", output);
        out.put("check_suite", Map.of("id", suiteId));
        out.put("app", home.apps().appJson(appId));
        out.put("pull_requests", withPullRequests
                ? repo.openPullRequestsAt(run.headSha()).stream()
                        .map(pull -> json.pullRequestRef(repo, pull)).toList()
                : List.of());
        return out;
    }

    Map<String, Object> comment(FakeRepo repo, FakeRepoActivity.StoredComment stored) {
        FakeRepoJson json = home.json();
        FakeComment comment = stored.comment();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", json.api(repo) + "/issues/comments/" + comment.id());
        out.put("html_url", json.html(repo) + "/pull/" + stored.number() + "#issuecomment-" + comment.id());
        out.put("issue_url", json.api(repo) + "/issues/" + stored.number());
        out.put("id", comment.id());
        out.put("node_id", FakeRepoJson.nodeId("012:IssueComment", comment.id()));
        out.put("user", json.user(repo, comment.userLogin()));
        out.put("created_at", comment.createdAt().toString());
        out.put("updated_at", comment.updatedAt().toString());
        out.put("author_association", json.association(repo, comment.userLogin()));
        out.put("body", comment.body());
        if (comment.userLogin().equals(json.botLogin())) {
            out.put("performed_via_github_app", home.apps().appJson(home.appIdOf(repo)));
        }
        return out;
    }

    Map<String, Object> status(FakeRepo repo, FakeRepoActivity.StoredStatus stored) {
        FakeStatus status = stored.status();
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", home.json().api(repo) + "/statuses/" + stored.sha());
        out.put("avatar_url", home.webUrl() + "/avatars/in/" + home.appIdOf(repo) + "?v=4");
        out.put("id", status.id());
        out.put("node_id", FakeRepoJson.nodeId("013:StatusContext", status.id()));
        out.put("state", status.state());
        out.put("description", status.description());
        out.put("target_url", status.targetUrl());
        out.put("context", status.context());
        out.put("created_at", stored.createdAt().toString());
        out.put("updated_at", stored.createdAt().toString());
        out.put("creator", home.json().user(repo, stored.creatorLogin()));
        return out;
    }

    private static String time(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
