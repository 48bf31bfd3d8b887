package dev.covenant.github;

import static dev.covenant.github.FakeGitHubRepos.REPO;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The issue side of pull requests: the issue itself and its comments (list, create, edit). A comment needs a body
 * that is not blank and at most 65536 characters long, as on GitHub; an installation writes as the App's bot.
 */
final class FakeCommentsApi {

    private static final String DOCS = "https://docs.github.com/rest/issues/comments";
    static final int MAX_BODY = 65536;

    private final FakeGitHubRepos home;

    FakeCommentsApi(FakeGitHubRepos home) {
        this.home = home;
    }

    List<FakeRoute> routes() {
        return List.of(
                FakeRoute.get(REPO + "/issues/(\\d+)", this::issue),
                FakeRoute.get(REPO + "/issues/(\\d+)/comments", this::list),
                FakeRoute.post(REPO + "/issues/(\\d+)/comments", this::create),
                FakeRoute.patch(REPO + "/issues/comments/(\\d+)", this::edit));
    }

    private FakeResponse issue(RecordedRequest request, Matcher path) {
        FakeRepo repo = home.authorized(request, path);
        FakePullRequest pull = repo == null ? null : repo.pullRequest(Integer.parseInt(path.group(3)));
        return pull == null ? FakeGitHubRepos.notFound() : FakeResponse.json(200, home.json().issue(repo, pull));
    }

    private FakeResponse list(RecordedRequest request, Matcher path) {
        FakeRepo repo = home.authorized(request, path);
        int number = Integer.parseInt(path.group(3));
        if (repo == null || repo.pullRequest(number) == null) {
            return FakeGitHubRepos.notFound();
        }
        List<FakeRepoActivity.StoredComment> all = repo.activity().comments(number);
        FakePaging paging = FakePaging.of(request, 30, 100);
        List<Map<String, Object>> page = paging.slice(all).stream()
                .map(comment -> home.activityJson().comment(repo, comment)).toList();
        return paging.withLinks(FakeResponse.json(200, page), request, home.webUrl(), all.size());
    }

    private FakeResponse create(RecordedRequest request, Matcher path) {
        FakeRepo repo = home.authorized(request, path);
        int number = Integer.parseInt(path.group(3));
        if (repo == null || repo.pullRequest(number) == null) {
            return FakeGitHubRepos.notFound();
        }
        JsonNode body = FakeGitHubRepos.jsonBody(request);
        if (body == null) {
            return FakeGitHubRepos.problemsParsingJson();
        }
        String text = FakeGitHubRepos.string(body, "body");
        FakeResponse refused = refuse(text, "#create-an-issue-comment");
        if (refused != null) {
            return refused;
        }
        FakeComment comment = repo.activity().addComment(number, home.json().botLogin(), text);
        return FakeResponse.json(201, home.activityJson().comment(repo, repo.activity().comment(comment.id())));
    }

    private FakeResponse edit(RecordedRequest request, Matcher path) {
        FakeRepo repo = home.authorized(request, path);
        long id = Long.parseLong(path.group(3));
        if (repo == null || repo.activity().comment(id) == null) {
            return FakeGitHubRepos.notFound();
        }
        JsonNode body = FakeGitHubRepos.jsonBody(request);
        if (body == null) {
            return FakeGitHubRepos.problemsParsingJson();
        }
        String text = FakeGitHubRepos.string(body, "body");
        FakeResponse refused = refuse(text, "#update-an-issue-comment");
        if (refused != null) {
            return refused;
        }
        return FakeResponse.json(200, home.activityJson().comment(repo, repo.activity().editComment(id, text)));
    }

    /** GitHub's 422 for a missing, blank or too long body; null when the body is fine. */
    private static FakeResponse refuse(String text, String anchor) {
        if (text == null || text.isBlank()) {
            return FakeResponse.validationFailed(DOCS + anchor,
                    List.of(FakeResponse.fieldError("IssueComment", "body", "missing_field", null)));
        }
        if (text.codePointCount(0, text.length()) > MAX_BODY) {
            return FakeResponse.validationFailed(DOCS + anchor, List.of(FakeResponse.fieldError("IssueComment", "body",
                    "custom", "body is too long (maximum is " + MAX_BODY + " characters)")));
        }
        return null;
    }
}
