package dev.covenant.github;

import static dev.covenant.github.FakeGitHubRepos.REPO;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Commit statuses: {@code state} one of "error", "failure", "pending", "success"; {@code context} "default" when left
 * out; {@code description} at most 140 characters, as GitHub enforces.
 */
final class FakeStatusesApi {

    private static final String DOCS = "https://docs.github.com/rest/commits/statuses#create-a-commit-status";
    static final Set<String> STATES = Set.of("error", "failure", "pending", "success");
    static final int MAX_DESCRIPTION = 140;

    private final FakeGitHubRepos home;

    FakeStatusesApi(FakeGitHubRepos home) {
        this.home = home;
    }

    List<FakeRoute> routes() {
        return List.of(FakeRoute.post(REPO + "/statuses/([^/]+)", this::create));
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
        String state = FakeGitHubRepos.string(body, "state");
        String description = FakeGitHubRepos.string(body, "description");
        List<Map<String, Object>> errors = new ArrayList<>();
        if (state == null || !STATES.contains(state)) {
            errors.add(FakeResponse.fieldError("Status", "state", "custom", "state is not included in the list"));
        }
        if (description != null && description.length() > MAX_DESCRIPTION) {
            errors.add(FakeResponse.fieldError("Status", "description", "custom",
                    "description is too long (maximum is " + MAX_DESCRIPTION + " characters)"));
        }
        if (!errors.isEmpty()) {
            return FakeResponse.validationFailed(DOCS, errors);
        }
        String sha = path.group(3);
        if (repo.commit(sha) == null) {
            return FakeResponse.error(422, "No commit found for SHA: " + sha);
        }
        String context = FakeGitHubRepos.string(body, "context");
        FakeRepoActivity.StoredStatus status = repo.activity().addStatus(sha, state,
                context == null ? "default" : context, description, FakeGitHubRepos.string(body, "target_url"),
                home.json().botLogin());
        return FakeResponse.json(201, home.activityJson().status(repo, status));
    }
}
