package dev.covenant.github;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The repository side of {@link FakeGitHub}: the {@link FakeRepo}s, the id sequences they draw from, and the routes
 * a GitHub App uses to check pull requests. Every route answers only the installation that owns the repository; any
 * other caller gets GitHub's 404 for a private repository.
 */
final class FakeGitHubRepos {

    /** GitHub's ids are global; each kind starts in its own range so that a mix-up fails loudly. */
    enum Sequence {
        PULL_REQUEST(1_100_000_001L), CHECK_RUN(21_000_000_001L), CHECK_SUITE(22_000_000_001L), COMMENT(
                2_300_000_001L), STATUS(24_000_000_001L);

        private final long first;

        Sequence(long first) {
            this.first = first;
        }
    }

    /** The owner and name of {@code /repos/{owner}/{repo}}, the first two groups of every route here. */
    static final String REPO = "/repos/([^/]+)/([^/]+)";

    private static final ObjectMapper JSON = new ObjectMapper();

    private final FakeGitHubApi directory;
    private final FakeGitHubApps apps;
    private final String webUrl;
    private final String apiUrl;
    private final Map<String, FakeRepo> repos = new ConcurrentHashMap<>();
    private final Map<Sequence, AtomicLong> sequences = new EnumMap<>(Sequence.class);
    private final FakeRepoJson json;
    private final FakeActivityJson activityJson;

    FakeGitHubRepos(FakeGitHubApi directory, FakeGitHubApps apps, String webUrl, String apiUrl) {
        this.directory = directory;
        this.apps = apps;
        this.webUrl = webUrl;
        this.apiUrl = apiUrl;
        for (Sequence sequence : Sequence.values()) {
            sequences.put(sequence, new AtomicLong(sequence.first));
        }
        this.json = new FakeRepoJson(this);
        this.activityJson = new FakeActivityJson(this);
    }

    List<FakeRoute> routes() {
        List<FakeRoute> routes = new ArrayList<>();
        // Ahead of /users/{login}, which knows people only.
        routes.add(FakeRoute.get("/users/([^/]+\\[bot\\])", this::botUser));
        routes.addAll(new FakePullsApi(this).routes());
        routes.addAll(new FakeChecksApi(this).routes());
        routes.addAll(new FakeCommentsApi(this).routes());
        routes.addAll(new FakeStatusesApi(this).routes());
        routes.addAll(new FakeCollaboratorsApi(this).routes());
        routes.add(FakeRoute.get("/installation/repositories", this::installationRepositories));
        return routes;
    }

    /**
     * {@code GET /installation/repositories}: the repositories the installation token reaches, by id, 30 a page and
     * at most 100, as {@code total_count}, {@code repository_selection} and {@code repositories}.
     */
    private FakeResponse installationRepositories(RecordedRequest request, Matcher path) {
        FakeGrant grant = directory.grant(request);
        if (grant == null || !grant.isInstallation()) {
            return FakeResponse.error(403, "You must authenticate with an installation access token in order to list"
                    + " repositories for an installation.");
        }
        List<FakeRepo> installed = repos.values().stream()
                .filter(repo -> repo.installationId() == grant.installationId())
                .sorted(java.util.Comparator.comparingLong(FakeRepo::id)).toList();
        FakePaging paging = FakePaging.of(request, 30, 100);
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("total_count", installed.size());
        body.put("repository_selection", "selected");
        body.put("repositories", paging.slice(installed).stream().map(json::repository).toList());
        return paging.withLinks(FakeResponse.json(200, body), request, webUrl, installed.size());
    }

    private FakeResponse botUser(RecordedRequest request, Matcher path) {
        return path.group(1).equals(json.botLogin()) ? FakeResponse.json(200, json.bot(apps.lastAppId())) : notFound();
    }

    FakeRepo add(long repoId, String fullName, long installationId) {
        if (fullName == null || !fullName.matches("[A-Za-z0-9-]+/[A-Za-z0-9._-]+")) {
            throw new IllegalArgumentException("a repository's full name is owner/name, got: " + fullName);
        }
        if (apps.appIdOf(installationId) == null) {
            throw new IllegalArgumentException(
                    "no such fake installation: " + installationId + "; addInstallation first");
        }
        FakeRepo repo = new FakeRepo(this, repoId, fullName, installationId);
        repos.put(fullName.toLowerCase(Locale.ROOT), repo);
        return repo;
    }

    FakeRepo get(String fullName) {
        FakeRepo repo = repos.get(fullName.toLowerCase(Locale.ROOT));
        if (repo == null) {
            throw new IllegalArgumentException("no such fake repository: " + fullName);
        }
        return repo;
    }

    /**
     * The repository named by the path's first two groups if the request's token belongs to the installation that
     * owns it; else null, which the routes answer with 404 as GitHub does for a private repository.
     */
    FakeRepo authorized(RecordedRequest request, Matcher path) {
        FakeRepo repo = repos.get((path.group(1) + "/" + path.group(2)).toLowerCase(Locale.ROOT));
        FakeGrant grant = directory.grant(request);
        boolean owns = repo != null && grant != null && grant.isInstallation()
                && grant.installationId() == repo.installationId();
        return owns ? repo : null;
    }

    long nextId(Sequence sequence) {
        return sequences.get(sequence).getAndIncrement();
    }

    long appIdOf(FakeRepo repo) {
        return apps.appIdOf(repo.installationId());
    }

    FakeGitHubApi directory() {
        return directory;
    }

    FakeGitHubApps apps() {
        return apps;
    }

    FakeRepoJson json() {
        return json;
    }

    FakeActivityJson activityJson() {
        return activityJson;
    }

    String webUrl() {
        return webUrl;
    }

    String apiUrl() {
        return apiUrl;
    }

    static FakeResponse notFound() {
        return FakeResponse.error(404, "Not Found");
    }

    /** The request's JSON body, or null when it is not a JSON object (GitHub answers that with 400). */
    static JsonNode jsonBody(RecordedRequest request) {
        try {
            JsonNode body = JSON.readTree(request.body());
            return body != null && body.isObject() ? body : null;
        } catch (IOException e) {
            return null;
        }
    }

    static FakeResponse problemsParsingJson() {
        return FakeResponse.error(400, "Problems parsing JSON");
    }

    /** A string field, null when absent or JSON null. */
    static String string(JsonNode body, String field) {
        JsonNode value = body.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
