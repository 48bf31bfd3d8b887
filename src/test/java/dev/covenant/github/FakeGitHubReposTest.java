package dev.covenant.github;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.FileNotFoundException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.StreamSupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.kohsuke.github.GHCheckRun;
import org.kohsuke.github.GHCheckRunBuilder;
import org.kohsuke.github.GHCommitState;
import org.kohsuke.github.GHCommitStatus;
import org.kohsuke.github.GHCompare;
import org.kohsuke.github.GHIssueComment;
import org.kohsuke.github.GHIssueState;
import org.kohsuke.github.GHPermissionType;
import org.kohsuke.github.GHPullRequest;
import org.kohsuke.github.GHPullRequestCommitDetail;
import org.kohsuke.github.GHRepository;
import org.kohsuke.github.GitHub;
import org.kohsuke.github.GitHubAbuseLimitHandler;
import org.kohsuke.github.GitHubBuilder;
import org.kohsuke.github.GitHubRateLimitHandler;

/** The repository side of the fake, driven through GitHub API for Java where it has the call, else raw HTTP. */
class FakeGitHubReposTest {

    private static final long APP_ID = 515151;
    private static final long INSTALLATION = 7_100_001;
    private static final long OTHER_INSTALLATION = 7_100_002;
    private static final String REPO = "covenant-dev/widgets";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakeGitHub fake;
    private static String token;
    private static String otherToken;
    private final HttpClient http = HttpClient.newHttpClient();
    private FakeRepo repo;

    @BeforeAll
    static void startFake() {
        KeyPair keys = FakeAppFixture.keys();
        fake = FakeGitHub.start()
                .addUser(583231, "octocat", "The Octocat", List.of(FakeEmail.primaryVerified("octocat@github.com")))
                .addUser(1001, "hubot", "Hubot", List.of(FakeEmail.primaryVerified("hubot@example.org"),
                        new FakeEmail("hubot@old.example", false, false)))
                .registerApp(APP_ID, keys.getPublic())
                .addInstallation(INSTALLATION, "covenant-dev")
                .addInstallation(OTHER_INSTALLATION, "octocat");
        token = FakeAppFixture.installationToken(fake, APP_ID, keys, INSTALLATION);
        otherToken = FakeAppFixture.installationToken(fake, APP_ID, keys, OTHER_INSTALLATION);
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void freshRepository() {
        fake.reset();
        repo = fake.addRepository(4242, REPO, INSTALLATION);
    }

    // ---- pull requests and their commits ----

    @Test
    void aPullRequestReadsThroughTheLibraryAsOpened() throws Exception {
        FakePullRequest opened = repo.openPullRequest(7, "octocat", commitsBy("octocat@github.com", 2));

        GHRepository repository = library().getRepository(REPO);
        GHPullRequest pull = repository.getPullRequest(7);

        assertEquals(4242, repository.getId());
        assertEquals("main", repository.getDefaultBranch());
        assertEquals(opened.headSha(), pull.getHead().getSha());
        assertEquals("feature-7", pull.getHead().getRef());
        assertEquals(repo.defaultBranchSha(), pull.getBase().getSha());
        assertEquals("octocat", pull.getUser().getLogin());
        assertEquals(GHIssueState.OPEN, pull.getState());
        assertEquals(2, pull.getCommits());
        assertEquals(List.of(7),
                repository.getPullRequests(GHIssueState.OPEN).stream().map(GHPullRequest::getNumber).toList());
        assertEquals(404, get("/repos/" + REPO + "/pulls/8", token).statusCode());
    }

    @Test
    void pushingMovesTheHeadAndClosingTakesThePullRequestOutOfTheOpenList() throws Exception {
        FakePullRequest opened = repo.openPullRequest(7, "octocat", commitsBy("octocat@github.com", 1));
        String head = repo.push(7, commitsBy("hubot@example.org", 2));

        FakePullRequest pushed = repo.pullRequest(7);
        assertEquals(head, pushed.headSha());
        assertEquals(3, pushed.commits().size());
        assertTrue(pushed.updatedAt().isAfter(opened.updatedAt()), pushed.updatedAt() + " after " + opened.updatedAt());
        assertEquals(3, library().getRepository(REPO).getPullRequest(7).listCommits().toList().size());

        repo.close(7);
        assertEquals("closed", repo.pullRequest(7).state());
        assertEquals(0, json(get("/repos/" + REPO + "/pulls?state=open", token)).size());
        assertEquals(1, json(get("/repos/" + REPO + "/pulls?state=all", token)).size());
    }

    @Test
    void pullRequestCommitsStopAtTheFirst250WhateverThePaging() throws Exception {
        List<FakeCommit> commits = commitsBy("octocat@github.com", 300);
        repo.openPullRequest(7, "octocat", commits);

        List<GHPullRequestCommitDetail> listed = library().getRepository(REPO).getPullRequest(7).listCommits().toList();

        assertEquals(shas(commits.subList(0, 250)), listed.stream().map(GHPullRequestCommitDetail::getSha).toList());
        HttpResponse<String> lastPage = get("/repos/" + REPO + "/pulls/7/commits?per_page=100&page=3", token);
        assertEquals(50, json(lastPage).size());
        String link = lastPage.headers().firstValue("Link").orElseThrow();
        assertTrue(link.contains("page=2>; rel=\"prev\"") && link.contains("page=1>; rel=\"first\""), link);
        assertFalse(link.contains("rel=\"next\""), link);
        assertEquals(0, json(get("/repos/" + REPO + "/pulls/7/commits?per_page=100&page=4", token)).size());
        assertEquals(100, json(get("/repos/" + REPO + "/pulls/7/commits?per_page=500", token)).size());
    }

    @Test
    void compareWithoutPagingListsTheNewest250AndWithPagingReachesAll300() throws Exception {
        List<FakeCommit> commits = commitsBy("octocat@github.com", 300);
        FakePullRequest pull = repo.openPullRequest(7, "octocat", commits);
        GHRepository repository = library().getRepository(REPO);

        GHCompare unpaged = repository.getCompare(pull.baseSha(), pull.headSha());
        repository.setCompareUsePaginatedCommits(true);
        GHCompare paged = repository.getCompare(pull.baseSha(), pull.headSha());

        assertEquals(300, unpaged.getTotalCommits());
        assertEquals(GHCompare.Status.ahead, unpaged.getStatus());
        assertEquals(shas(commits.subList(50, 300)),
                Arrays.stream(unpaged.getCommits()).map(c -> c.getSHA1()).toList());
        assertEquals(shas(commits), Arrays.stream(paged.getCommits()).map(c -> c.getSHA1()).toList());
        assertEquals(pull.baseSha(), paged.getMergeBaseCommit().getSHA1());
    }

    @Test
    void compareWritesTheLinkHeaderAsGitHubDoes() throws Exception {
        FakePullRequest pull = repo.openPullRequest(7, "octocat", commitsBy("octocat@github.com", 300));
        String path = "/repos/" + REPO + "/compare/" + pull.baseSha() + "..." + pull.headSha();

        HttpResponse<String> middle = get(path + "?per_page=100&page=2", token);

        String self = fake.apiUrl() + path + "?per_page=100&page=";
        assertEquals("<" + self + "1>; rel=\"prev\", <" + self + "3>; rel=\"next\", <" + self + "3>; rel=\"last\", <"
                + self + "1>; rel=\"first\"", middle.headers().firstValue("Link").orElseThrow());
        assertEquals(100, json(middle).get("commits").size());
        assertEquals(300, json(middle).get("total_commits").asInt());
        assertEquals(30, json(get(path + "?page=1", token)).get("commits").size());
        assertEquals(Optional.empty(), get(path, token).headers().firstValue("Link"));
    }

    @Test
    void compareKnowsMergeGroupsBranchNamesAndRefusesUnknownShas() throws Exception {
        FakePullRequest pull = repo.openPullRequest(7, "octocat", commitsBy("octocat@github.com", 2));
        List<FakeCommit> queued = commitsBy("octocat@github.com", 1);
        String groupHead = repo.mergeGroup(repo.defaultBranchSha(), queued);

        JsonNode group = json(get("/repos/" + REPO + "/compare/" + repo.defaultBranchSha() + "..." + groupHead, token));
        JsonNode byName = json(get("/repos/" + REPO + "/compare/main...covenant-dev:feature-7", token));

        assertEquals(shas(queued), shasOf(group.get("commits")));
        assertEquals(2, byName.get("ahead_by").asInt());
        assertEquals("diverged", json(get("/repos/" + REPO + "/compare/" + groupHead + "..." + pull.headSha(), token))
                .get("status").asText());
        assertEquals("identical", json(get("/repos/" + REPO + "/compare/main...main", token)).get("status").asText());
        assertEquals(404, get("/repos/" + REPO + "/compare/main..." + FakeCommit.randomSha(), token).statusCode());
    }

    @Test
    void commitAuthorsAreLinkedByVerifiedAddressOrNoReplyAddressOnly() throws Exception {
        List<FakeCommit> commits = List.of(
                FakeCommit.by("Octo Cat", "octocat@github.com", "verified address"),
                FakeCommit.by("Hubot", "hubot@old.example", "unverified address"),
                FakeCommit.by("Octo Cat", "583231+octocat@users.noreply.github.com", "no-reply with id"),
                FakeCommit.by("Hubot", "hubot@users.noreply.github.com", "older no-reply"),
                FakeCommit.by("Stranger", "stranger@example.com", "no account"),
                FakeCommit.by("Hubot", "hubot@example.org", "Octo Cat", "octocat@github.com", "committed locally"));
        repo.openPullRequest(7, "octocat", commits);

        JsonNode listed = json(get("/repos/" + REPO + "/pulls/7/commits", token));

        List<String> authors = new ArrayList<>();
        listed.forEach(c -> authors.add(c.get("author").isNull() ? null : c.get("author").get("login").asText()));
        assertEquals(Arrays.asList("octocat", null, "octocat", "hubot", null, "hubot"), authors);
        assertEquals("web-flow", listed.get(0).get("committer").get("login").asText());
        assertEquals(19864447, listed.get(0).get("committer").get("id").asLong());
        assertEquals("octocat", listed.get(5).get("committer").get("login").asText());
        assertEquals("hubot@old.example", listed.get(1).get("commit").get("author").get("email").asText());
        assertEquals(repo.defaultBranchSha(), listed.get(0).get("parents").get(0).get("sha").asText());
        assertEquals("unsigned", listed.get(0).get("commit").get("verification").get("reason").asText());
        // The library resolves accounts through GET /commits/{sha} and GET /users/{login}, both served.
        GHCompare.Commit first = library().getRepository(REPO).getCompare("main", "feature-7").getCommits()[0];
        assertEquals("octocat", first.getAuthor().getLogin());
        assertEquals("web-flow", first.getCommitter().getLogin());
    }

    // ---- check runs ----

    @Test
    void aCheckRunIsCreatedAndCompletedThroughTheLibraryWithPatch() throws Exception {
        FakePullRequest pull = repo.openPullRequest(7, "octocat", commitsBy("octocat@github.com", 1));
        GHRepository repository = library().getRepository(REPO);

        GHCheckRun created = repository.createCheckRun("CLA", pull.headSha()).withStatus(GHCheckRun.Status.IN_PROGRESS)
                .withExternalID("pr-7").withDetailsURL("https://covenant.example/pr/7")
                .add(new GHCheckRunBuilder.Output("Checking", "Looking at 1 commit")).create();
        GHCheckRun completed = created.update().withConclusion(GHCheckRun.Conclusion.SUCCESS)
                .add(new GHCheckRunBuilder.Output("All signed", "Everyone signed").withText("octocat")).create();

        assertEquals("covenant-test", fake.appSlug());
        assertEquals("covenant-test", created.getApp().getSlug());
        assertEquals(7, created.getPullRequests().get(0).getNumber());
        assertEquals(GHCheckRun.Status.COMPLETED, completed.getStatus());
        FakeCheckRun stored = repo.checkRuns(pull.headSha()).get(0);
        assertEquals(List.of(stored), repo.checkRuns());
        assertEquals(created.getId(), stored.id());
        assertEquals("success", stored.conclusion());
        assertEquals("All signed", stored.title());
        assertEquals("octocat", stored.text());
        assertEquals("pr-7", stored.externalId());
        assertNotNull(stored.completedAt());
        assertEquals(1, stored.updates());
        RecordedRequest update = fake.requests().stream().filter(r -> r.path().endsWith("/check-runs/" + stored.id()))
                .findFirst().orElseThrow();
        assertEquals("PATCH", update.method(), "GitHub API for Java 1.330 on Java 11+ sends a real PATCH");
        assertEquals(1, repository.getCheckRuns(pull.headSha()).toList().size());
    }

    @Test
    void aPatchSentAsPostWithMethodOverrideUpdatesTheCheckRun() throws Exception {
        FakePullRequest pull = repo.openPullRequest(7, "octocat", commitsBy("octocat@github.com", 1));
        long id = json(send("POST", "/repos/" + REPO + "/check-runs", "{\"name\":\"CLA\",\"head_sha\":\""
                + pull.headSha() + "\"}", token)).get("id").asLong();

        HttpResponse<String> response = http.send(request("/repos/" + REPO + "/check-runs/" + id, token)
                .header("X-HTTP-Method-Override", "PATCH")
                .POST(HttpRequest.BodyPublishers.ofString("{\"conclusion\":\"failure\"}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        assertEquals("completed", json(response).get("status").asText());
        assertEquals("failure", repo.checkRuns().get(0).conclusion());
        assertEquals(1, repo.checkRuns().get(0).updates());
    }

    @Test
    void checkRunsGitHubWouldRefuseAre422AndNotStored() throws Exception {
        String head = repo.openPullRequest(7, "octocat", commitsBy("octocat@github.com", 1)).headSha();
        String path = "/repos/" + REPO + "/check-runs";

        assertRefused(send("POST", path, "{\"head_sha\":\"" + head + "\"}", token), "name", "missing_field");
        assertRefused(send("POST", path, "{\"name\":\"CLA\",\"head_sha\":\"" + head + "\",\"status\":\"completed\"}",
                token), "conclusion", "missing_field");
        assertRefused(send("POST", path, "{\"name\":\"CLA\",\"head_sha\":\"" + head + "\",\"conclusion\":\"stale\"}",
                token), "conclusion", "invalid");
        // 32768 characters, but 65536 bytes of UTF-8: GitHub counts bytes.
        String summary = "é".repeat(32768);
        HttpResponse<String> tooLong = send("POST", path, "{\"name\":\"CLA\",\"head_sha\":\"" + head
                + "\",\"output\":{\"title\":\"t\",\"summary\":\"" + summary + "\"}}", token);
        assertRefused(tooLong, "summary", "custom");
        assertEquals("summary exceeds a maximum bytesize of 65535",
                json(tooLong).get("errors").get(0).get("message").asText());
        HttpResponse<String> unknownSha = send("POST", path,
                "{\"name\":\"CLA\",\"head_sha\":\"" + FakeCommit.randomSha()
                        + "\"}",
                token);
        assertEquals(422, unknownSha.statusCode());
        assertThat(json(unknownSha).get("message").asText(), startsWith("No commit found for SHA: "));
        assertEquals(List.of(), repo.checkRuns());
    }

    @Test
    void listingCheckRunsKeepsTheLatestOfEachNameUnlessAskedForAll() throws Exception {
        String head = repo.openPullRequest(7, "octocat", commitsBy("octocat@github.com", 1)).headSha();
        for (String name : List.of("CLA", "CLA", "lint")) {
            send("POST", "/repos/" + REPO + "/check-runs", "{\"name\":\"" + name + "\",\"head_sha\":\"" + head + "\"}",
                    token);
        }
        String path = "/repos/" + REPO + "/commits/" + head + "/check-runs";

        assertEquals(2, json(get(path, token)).get("total_count").asInt());
        assertEquals(3, json(get(path + "?filter=all", token)).get("total_count").asInt());
        JsonNode cla = json(get(path + "?check_name=CLA", token)).get("check_runs");
        assertEquals(1, cla.size());
        assertEquals(repo.checkRuns().get(1).id(), cla.get(0).get("id").asLong());
        assertEquals(2,
                json(get("/repos/" + REPO + "/commits/feature-7/check-runs", token)).get("total_count").asInt());
    }

    // ---- comments, statuses, permissions ----

    @Test
    void aCommentIsWrittenAndEditedAsTheAppsBot() throws Exception {
        repo.openPullRequest(7, "octocat", commitsBy("octocat@github.com", 1));
        GHPullRequest pull = library().getRepository(REPO).getPullRequest(7);

        GHIssueComment comment = pull.comment("Please sign the CLA");
        comment.update("Thanks, all signed");

        assertEquals("covenant-test[bot]", comment.getUser().getLogin());
        FakeComment stored = repo.comments(7).get(0);
        assertEquals(new FakeComment(comment.getId(), "Thanks, all signed", "covenant-test[bot]", stored.createdAt(),
                stored.updatedAt(), 1), stored);
        assertEquals("Bot", json(get("/repos/" + REPO + "/issues/7/comments", token)).get(0).get("user").get("type")
                .asText());
        assertRefused(send("POST", "/repos/" + REPO + "/issues/7/comments", "{\"body\":\" \"}", token), "body",
                "missing_field");
        assertRefused(send("PATCH", "/repos/" + REPO + "/issues/comments/" + stored.id(), "{\"body\":\"\"}", token),
                "body", "missing_field");
        assertEquals(404,
                send("POST", "/repos/" + REPO + "/issues/8/comments", "{\"body\":\"x\"}", token).statusCode());
    }

    @Test
    void commentsArePagedWithLinkHeaders() throws Exception {
        repo.openPullRequest(7, "octocat", commitsBy("octocat@github.com", 1));
        IntStream.range(0, 35).forEach(i -> repo.activity().addComment(7, "hubot", "comment " + i));

        HttpResponse<String> first = get("/repos/" + REPO + "/issues/7/comments", token);
        HttpResponse<String> second = get("/repos/" + REPO + "/issues/7/comments?page=2", token);

        assertEquals(30, json(first).size());
        String self = fake.apiUrl() + "/repos/" + REPO + "/issues/7/comments?page=";
        assertEquals("<" + self + "2>; rel=\"next\", <" + self + "2>; rel=\"last\"",
                first.headers().firstValue("Link").orElseThrow());
        assertEquals(5, json(second).size());
        assertEquals("comment 34", json(second).get(4).get("body").asText());
        assertEquals(35, StreamSupport.stream(library().getRepository(REPO).getPullRequest(7).listComments()
                .spliterator(), false).count());
    }

    @Test
    void aCommitStatusIsCreatedAndABadStateIsRefused() throws Exception {
        String head = repo.openPullRequest(7, "octocat", commitsBy("octocat@github.com", 1)).headSha();

        GHCommitStatus status = library().getRepository(REPO).createCommitStatus(head, GHCommitState.SUCCESS,
                "https://covenant.example/pr/7", "All signed", "cla/covenant");

        assertEquals("covenant-test[bot]", status.getCreator().getLogin());
        assertEquals(List.of(new FakeStatus(status.getId(), "success", "cla/covenant", "All signed",
                "https://covenant.example/pr/7")), repo.statuses(head));
        assertRefused(send("POST", "/repos/" + REPO + "/statuses/" + head, "{\"state\":\"green\"}", token), "state",
                "custom");
        assertEquals(422, send("POST", "/repos/" + REPO + "/statuses/" + FakeCommit.randomSha(),
                "{\"state\":\"success\"}", token).statusCode());
    }

    @Test
    void permissionsFoldRolesAsGitHubDoes() throws Exception {
        repo.setPermission("hubot", "maintain");
        GHRepository repository = library().getRepository(REPO);

        assertEquals(GHPermissionType.WRITE, repository.getPermission("hubot"));
        assertEquals("maintain", json(get("/repos/" + REPO + "/collaborators/hubot/permission", token))
                .get("role_name").asText());
        repo.setPermission("hubot", "triage");
        assertEquals(GHPermissionType.READ, repository.getPermission("hubot"));
        assertEquals(GHPermissionType.NONE, repository.getPermission("octocat"));
        assertThrows(FileNotFoundException.class, () -> repository.getPermission("nobody"));
    }

    // ---- access ----

    @Test
    void onlyTheOwningInstallationSeesTheRepository() throws Exception {
        String head = repo.openPullRequest(7, "octocat", commitsBy("octocat@github.com", 1)).headSha();

        for (String path : List.of("/repos/" + REPO, "/repos/" + REPO + "/pulls/7",
                "/repos/" + REPO + "/pulls/7/commits",
                "/repos/" + REPO + "/compare/main...feature-7")) {
            assertEquals(200, get(path, token).statusCode(), path);
            assertEquals(404, get(path, otherToken).statusCode(), path);
            assertEquals(404, get(path, null).statusCode(), path);
        }
        HttpResponse<String> write = send("POST", "/repos/" + REPO + "/check-runs", "{\"name\":\"CLA\",\"head_sha\":\""
                + head + "\"}", otherToken);
        assertEquals(404, write.statusCode());
        assertEquals("Not Found", json(write).get("message").asText());
        assertEquals(401, get("/repos/" + REPO, "ghs_notAToken").statusCode());
        assertEquals(404, get("/repos/covenant-dev/unknown", token).statusCode());
        assertThrows(FileNotFoundException.class, () -> FakeAppFixture.client(fake, otherToken).getRepository(REPO));
    }

    // ---- scripted failures and rate limits ----

    @Test
    void failNextAnswersTheScriptedStatusAsManyTimesAsAsked() throws Exception {
        String head = repo.openPullRequest(7, "octocat", commitsBy("octocat@github.com", 1)).headSha();
        fake.failNext("POST", "/repos/[^/]+/[^/]+/check-runs", 2, 502);
        String create = "{\"name\":\"CLA\",\"head_sha\":\"" + head + "\"}";

        HttpResponse<String> failed = send("POST", "/repos/" + REPO + "/check-runs", create, token);

        assertEquals(502, failed.statusCode());
        assertEquals("Server Error", json(failed).get("message").asText());
        assertEquals(200, get("/repos/" + REPO, token).statusCode());
        assertEquals(502, send("POST", "/repos/" + REPO + "/check-runs", create, token).statusCode());
        assertEquals(201, send("POST", "/repos/" + REPO + "/check-runs", create, token).statusCode());
        assertEquals(1, repo.checkRuns().size());
    }

    @Test
    void rateLimitNextAnswersAsGitHubsPrimaryRateLimit() throws Exception {
        long reset = Instant.now().plusSeconds(600).getEpochSecond();
        fake.rateLimitNext("GET", "/repos/.*", 1, reset);

        HttpResponse<String> limited = get("/repos/" + REPO, token);

        assertEquals(403, limited.statusCode());
        assertEquals("API rate limit exceeded for installation ID " + INSTALLATION + ".",
                json(limited).get("message").asText());
        assertEquals("https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting",
                json(limited).get("documentation_url").asText());
        assertEquals("5000", limited.headers().firstValue("X-RateLimit-Limit").orElseThrow());
        assertEquals("0", limited.headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        assertEquals(String.valueOf(reset), limited.headers().firstValue("X-RateLimit-Reset").orElseThrow());
        assertEquals("5000", limited.headers().firstValue("X-RateLimit-Used").orElseThrow());
        assertEquals("core", limited.headers().firstValue("X-RateLimit-Resource").orElseThrow());
        assertEquals("4999", get("/repos/" + REPO, token).headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        // The library's default handler would sleep until the reset; FAIL reports it instead.
        fake.rateLimitNext("GET", "/repos/.*", 1, reset);
        GitHub failing = new GitHubBuilder().withEndpoint(fake.apiUrl()).withAppInstallationToken(token)
                .withRateLimitHandler(GitHubRateLimitHandler.FAIL).build();
        IOException e = assertThrows(IOException.class, () -> failing.getRepository(REPO));
        assertTrue(e.getMessage().contains("API rate limit"), e.getMessage());
    }

    @Test
    void secondaryRateLimitNextSendsRetryAfter() throws Exception {
        fake.secondaryRateLimitNext("GET", "/repos/[^/]+/[^/]+/pulls", 1, 30);

        HttpResponse<String> limited = get("/repos/" + REPO + "/pulls", token);

        assertEquals(403, limited.statusCode());
        assertEquals("30", limited.headers().firstValue("Retry-After").orElseThrow());
        String message = json(limited).get("message").asText();
        assertTrue(message.startsWith("You have exceeded a secondary rate limit."), message);
        assertTrue(message.contains(limited.headers().firstValue("X-GitHub-Request-Id").orElseThrow()), message);
        fake.secondaryRateLimitNext("GET", "/repos/[^/]+/[^/]+/pulls", 1, 30);
        GitHub failing = new GitHubBuilder().withEndpoint(fake.apiUrl()).withAppInstallationToken(token)
                .withAbuseLimitHandler(GitHubAbuseLimitHandler.FAIL).build();
        GHRepository repository = failing.getRepository(REPO);
        assertThrows(IOException.class, () -> repository.getPullRequests(GHIssueState.OPEN));
    }

    @Test
    void theRemainingRateLimitIsReportedUntilReset() throws Exception {
        fake.setRateLimitRemaining(42);

        JsonNode rateLimit = json(get("/rate_limit", token));

        assertEquals(42, rateLimit.get("resources").get("core").get("remaining").asInt());
        assertEquals(42, rateLimit.get("rate").get("remaining").asInt());
        assertEquals(4958, rateLimit.get("rate").get("used").asInt());
        assertEquals("42", get("/repos/" + REPO, token).headers().firstValue("X-RateLimit-Remaining").orElseThrow());
        fake.reset();
        assertEquals("4999", get("/repos/" + REPO, token).headers().firstValue("X-RateLimit-Remaining").orElseThrow());
    }

    @Test
    void resetForgetsPendingFailures() throws Exception {
        fake.failNext("GET", "/repos/.*", 5, 500);
        fake.reset();

        assertEquals(200, get("/repos/" + REPO, token).statusCode());
    }

    // ---- helpers ----

    private static GitHub library() {
        return FakeAppFixture.client(fake, token);
    }

    private static List<FakeCommit> commitsBy(String email, int count) {
        return IntStream.range(0, count).mapToObj(i -> FakeCommit.by("Author", email, "Change " + i)).toList();
    }

    private static List<String> shas(List<FakeCommit> commits) {
        return commits.stream().map(FakeCommit::sha).toList();
    }

    private static List<String> shasOf(JsonNode commits) {
        List<String> shas = new ArrayList<>();
        commits.forEach(c -> shas.add(c.get("sha").asText()));
        return shas;
    }

    private static void assertRefused(HttpResponse<String> response, String field, String code) throws IOException {
        assertEquals(422, response.statusCode(), response.body());
        JsonNode body = json(response);
        assertEquals("Validation Failed", body.get("message").asText());
        assertEquals(field, body.get("errors").get(0).get("field").asText(), response.body());
        assertEquals(code, body.get("errors").get(0).get("code").asText(), response.body());
    }

    private HttpRequest.Builder request(String path, String bearer) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(fake.apiUrl() + path))
                .header("Accept", "application/vnd.github+json");
        return bearer == null ? builder : builder.header("Authorization", "Bearer " + bearer);
    }

    private HttpResponse<String> get(String path, String bearer) throws Exception {
        return http.send(request(path, bearer).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body, String bearer) throws Exception {
        return http.send(request(path, bearer).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }
}
