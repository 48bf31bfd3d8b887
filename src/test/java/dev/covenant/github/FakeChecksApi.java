package dev.covenant.github;

import static dev.covenant.github.FakeGitHubRepos.REPO;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Check runs: create, update (PATCH), get, and list for a ref. Listing follows GitHub's defaults: {@code
 * filter=latest} keeps the newest run of each name, {@code check_name} and {@code status} narrow it, newest first, 30
 * a page and at most 100.
 */
final class FakeChecksApi {

    private static final String DOCS = "https://docs.github.com/rest/checks/runs";

    private final FakeGitHubRepos home;

    FakeChecksApi(FakeGitHubRepos home) {
        this.home = home;
    }

    List<FakeRoute> routes() {
        return List.of(
                FakeRoute.post(REPO + "/check-runs", this::create),
                FakeRoute.patch(REPO + "/check-runs/(\\d+)", this::update),
                FakeRoute.get(REPO + "/check-runs/(\\d+)", this::get),
                FakeRoute.get(REPO + "/commits/([^/]+)/check-runs", this::listForRef));
    }

    private FakeResponse create(RecordedRequest request, Matcher path) {
        FakeRepo repo = home.authorized(request, path);
        if (repo == null) {
            return FakeGitHubRepos.notFound();
        }
        JsonNode body = FakeGitHubRepos.jsonBody(request);
        if (body == null) {
            return FakeGitHubRepos.problemsParsingJson();
        }
        FakeCheckRunFields fields = new FakeCheckRunFields(body, true);
        if (!fields.errors().isEmpty()) {
            return FakeResponse.validationFailed(DOCS + "#create-a-check-run", fields.errors());
        }
        String headSha = FakeGitHubRepos.string(body, "head_sha");
        if (repo.commit(headSha) == null) {
            return FakeResponse.error(422, "No commit found for SHA: " + headSha);
        }
        FakeCheckRun run = repo.activity().addCheckRun(id -> fields.create(id, headSha));
        return FakeResponse.json(201, home.activityJson().checkRun(repo, run, true));
    }

    private FakeResponse update(RecordedRequest request, Matcher path) {
        FakeRepo repo = home.authorized(request, path);
        long id = Long.parseLong(path.group(3));
        if (repo == null || repo.activity().checkRun(id) == null) {
            return FakeGitHubRepos.notFound();
        }
        JsonNode body = FakeGitHubRepos.jsonBody(request);
        if (body == null) {
            return FakeGitHubRepos.problemsParsingJson();
        }
        FakeCheckRunFields fields = new FakeCheckRunFields(body, false);
        if (!fields.errors().isEmpty()) {
            return FakeResponse.validationFailed(DOCS + "#update-a-check-run", fields.errors());
        }
        FakeCheckRun run = repo.activity().updateCheckRun(id, fields::update);
        if (!fields.errors().isEmpty()) {
            return FakeResponse.validationFailed(DOCS + "#update-a-check-run", fields.errors());
        }
        return FakeResponse.json(200, home.activityJson().checkRun(repo, run, true));
    }

    private FakeResponse get(RecordedRequest request, Matcher path) {
        FakeRepo repo = home.authorized(request, path);
        FakeCheckRun run = repo == null ? null : repo.activity().checkRun(Long.parseLong(path.group(3)));
        return run == null
                ? FakeGitHubRepos.notFound()
                : FakeResponse.json(200, home.activityJson().checkRun(repo, run, true));
    }

    private FakeResponse listForRef(RecordedRequest request, Matcher path) {
        FakeRepo repo = home.authorized(request, path);
        String sha = repo == null ? null : repo.resolve(path.group(3));
        if (sha == null) {
            return FakeGitHubRepos.notFound();
        }
        Map<String, String> query = request.queryParams();
        String name = query.get("check_name");
        String status = query.get("status");
        List<FakeCheckRun> newestFirst = new ArrayList<>(repo.checkRuns(sha));
        newestFirst.sort(Comparator.comparingLong(FakeCheckRun::id).reversed());
        List<FakeCheckRun> candidates = "all".equals(query.get("filter")) ? newestFirst : latestOfEachName(newestFirst);
        List<FakeCheckRun> matching = candidates.stream()
                .filter(run -> name == null || name.equals(run.name()))
                .filter(run -> status == null || status.equals(run.status()))
                .toList();
        FakePaging paging = FakePaging.of(request, 30, 100);
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("total_count", matching.size());
        json.put("check_runs", paging.slice(matching).stream()
                .map(run -> home.activityJson().checkRun(repo, run, true)).toList());
        return paging.withLinks(FakeResponse.json(200, json), request, home.webUrl(), matching.size());
    }

    private static List<FakeCheckRun> latestOfEachName(List<FakeCheckRun> newestFirst) {
        Set<String> seen = new HashSet<>();
        return newestFirst.stream().filter(run -> seen.add(run.name())).toList();
    }
}
