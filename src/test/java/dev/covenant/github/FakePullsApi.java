package dev.covenant.github;

import static dev.covenant.github.FakeGitHubRepos.REPO;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

/**
 * The repository, its pull requests, their commits, and compare. Limits as GitHub documents them: pull request
 * commits are paged 30 by default (at most 100 a page) and stop after the first 250 commits whatever the paging;
 * compare without {@code per_page} or {@code page} returns the last 250 commits (the newest being last), and with
 * either pages through all of them, 30 by default, at most 100 a page.
 */
final class FakePullsApi {

    static final int PULL_COMMITS_LIMIT = 250;
    static final int COMPARE_UNPAGED_LIMIT = 250;

    private final FakeGitHubRepos home;
    private final FakeCommitJson commits;

    FakePullsApi(FakeGitHubRepos home) {
        this.home = home;
        this.commits = new FakeCommitJson(home);
    }

    List<FakeRoute> routes() {
        return List.of(
                FakeRoute.get(REPO, this::repository),
                FakeRoute.get(REPO + "/pulls", this::pullRequests),
                FakeRoute.get(REPO + "/pulls/(\\d+)", this::pullRequest),
                FakeRoute.get(REPO + "/pulls/(\\d+)/commits", this::pullRequestCommits),
                FakeRoute.get(REPO + "/commits/([^/]+)", this::commit),
                FakeRoute.get(REPO + "/compare/(.+?)\\.\\.\\.(.+)", this::compare));
    }

    private FakeResponse repository(RecordedRequest request, Matcher path) {
        FakeRepo repo = home.authorized(request, path);
        return repo == null ? FakeGitHubRepos.notFound() : FakeResponse.json(200, home.json().repository(repo));
    }

    private FakeResponse pullRequests(RecordedRequest request, Matcher path) {
        FakeRepo repo = home.authorized(request, path);
        if (repo == null) {
            return FakeGitHubRepos.notFound();
        }
        Map<String, String> query = request.queryParams();
        String state = query.getOrDefault("state", "open");
        String head = query.get("head");
        String base = query.get("base");
        Comparator<FakePullRequest> newestFirst = Comparator.comparingLong(FakePullRequest::id).reversed();
        List<FakePullRequest> matching = repo.pullRequests().stream()
                .filter(pull -> state.equals("all") || state.equals(pull.state()))
                .filter(pull -> head == null || head.equalsIgnoreCase(repo.ownerLogin() + ":" + pull.headRef()))
                .filter(pull -> base == null || base.equals(pull.baseRef()))
                .sorted("asc".equals(query.get("direction")) ? newestFirst.reversed() : newestFirst)
                .toList();
        FakePaging paging = FakePaging.of(request, 30, 100);
        List<Map<String, Object>> page = paging.slice(matching).stream()
                .map(pull -> home.json().pullRequest(repo, pull, false)).toList();
        return paging.withLinks(FakeResponse.json(200, page), request, home.webUrl(), matching.size());
    }

    private FakeResponse pullRequest(RecordedRequest request, Matcher path) {
        FakeRepo repo = home.authorized(request, path);
        FakePullRequest pull = repo == null ? null : repo.pullRequest(Integer.parseInt(path.group(3)));
        return pull == null
                ? FakeGitHubRepos.notFound()
                : FakeResponse.json(200, home.json().pullRequest(repo, pull, true));
    }

    private FakeResponse pullRequestCommits(RecordedRequest request, Matcher path) {
        FakeRepo repo = home.authorized(request, path);
        FakePullRequest pull = repo == null ? null : repo.pullRequest(Integer.parseInt(path.group(3)));
        if (pull == null) {
            return FakeGitHubRepos.notFound();
        }
        List<FakeCommitGraph.Node> all = repo.between(pull.baseSha(), pull.headSha());
        List<FakeCommitGraph.Node> served = all.subList(0, Math.min(all.size(), PULL_COMMITS_LIMIT));
        FakePaging paging = FakePaging.of(request, 30, 100);
        return paging.withLinks(FakeResponse.json(200, commits.commits(repo, paging.slice(served))), request,
                home.webUrl(), served.size());
    }

    /** One commit, which GitHub API for Java fetches before it resolves a commit's author or committer account. */
    private FakeResponse commit(RecordedRequest request, Matcher path) {
        FakeRepo repo = home.authorized(request, path);
        String sha = repo == null ? null : repo.resolve(path.group(3));
        if (sha == null) {
            return FakeResponse.error(repo == null ? 404 : 422, repo == null
                    ? "Not Found"
                    : "No commit found for SHA: " + path.group(3));
        }
        Map<String, Object> json = commits.commit(repo, repo.commit(sha));
        int[] lines = repo.lines(sha);
        json.put("stats", Map.of("total", lines[0] + lines[1], "additions", lines[0], "deletions", lines[1]));
        json.put("files",
                lines[0] + lines[1] == 0
                        ? List.of()
                        : List.of(Map.of("sha", FakeCommitJson.treeSha("blob " + sha),
                                "filename", "src/change-" + sha.substring(0, 7) + ".txt", "status", "modified",
                                "additions", lines[0],
                                "deletions", lines[1], "changes", lines[0] + lines[1])));
        return FakeResponse.json(200, json);
    }

    private FakeResponse compare(RecordedRequest request, Matcher path) {
        FakeRepo repo = home.authorized(request, path);
        if (repo == null) {
            return FakeGitHubRepos.notFound();
        }
        String baseRef = path.group(3);
        String headRef = path.group(4);
        String base = repo.resolve(withoutOwner(repo, baseRef));
        String head = repo.resolve(withoutOwner(repo, headRef));
        String mergeBase = base == null || head == null ? null : repo.mergeBase(base, head);
        if (mergeBase == null) {
            return FakeGitHubRepos.notFound();
        }
        List<FakeCommitGraph.Node> ahead = repo.between(base, head);
        int behind = repo.between(head, base).size();
        boolean paged = FakePaging.requested(request);
        FakePaging paging = FakePaging.of(request, 30, 100);
        List<FakeCommitGraph.Node> listed = paged
                ? paging.slice(ahead)
                : ahead.subList(Math.max(0, ahead.size() - COMPARE_UNPAGED_LIMIT), ahead.size());

        String api = home.json().api(repo);
        String html = home.json().html(repo);
        String owner = repo.ownerLogin();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("url", api + "/compare/" + baseRef + "..." + headRef);
        json.put("html_url", html + "/compare/" + baseRef + "..." + headRef);
        json.put("permalink_url", html + "/compare/" + owner + ":" + base + "..." + owner + ":" + head);
        json.put("diff_url", html + "/compare/" + baseRef + "..." + headRef + ".diff");
        json.put("patch_url", html + "/compare/" + baseRef + "..." + headRef + ".patch");
        json.put("base_commit", commits.commit(repo, repo.commit(base)));
        json.put("merge_base_commit", commits.commit(repo, repo.commit(mergeBase)));
        json.put("status", ahead.isEmpty()
                ? (behind == 0 ? "identical" : "behind")
                : (behind == 0 ? "ahead" : "diverged"));
        json.put("ahead_by", ahead.size());
        json.put("behind_by", behind);
        json.put("total_commits", ahead.size());
        json.put("commits", commits.commits(repo, listed));
        json.put("files", List.of());
        FakeResponse response = FakeResponse.json(200, json);
        return paged ? paging.withLinks(response, request, home.webUrl(), ahead.size()) : response;
    }

    /** Compare accepts {@code owner:ref} for refs in the same network; the fake has no forks. */
    private static String withoutOwner(FakeRepo repo, String ref) {
        String prefix = repo.ownerLogin() + ":";
        return ref.regionMatches(true, 0, prefix, 0, prefix.length()) ? ref.substring(prefix.length()) : ref;
    }
}
