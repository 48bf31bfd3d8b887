package dev.covenant.checks;

import static dev.covenant.inbox.DeliveryWorkerTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Api;
import dev.covenant.Sql;
import dev.covenant.github.CheckPublisher;
import dev.covenant.github.FakeCheckRun;
import dev.covenant.github.FakeComment;
import dev.covenant.github.FakeCommit;
import dev.covenant.github.FakeEmail;
import dev.covenant.github.FakeGitHub;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.github.FakeHold;
import dev.covenant.github.FakePullRequest;
import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeWebhooks;
import dev.covenant.inbox.DeliveryWorkerTest;
import dev.covenant.inbox.WebhookEndpointTest;
import dev.covenant.web.WebClient;

/**
 * The pull-request check end to end: signed webhooks in, the worker, the real database, and the fake GitHub that
 * records every check run, comment and call the service makes.
 */
@QuarkusTest
public class PullRequestChecksTest {

    @Inject
    CheckPublisher publisher;
    @Inject
    PullRequestTracker tracker;
    @Inject
    ChecksConfig checks;

    private static final AtomicLong IDS = new AtomicLong(8_000_000 + (System.nanoTime() % 1_000_000));

    private static FakeGitHub github() {
        return FakeGitHubResource.fake();
    }

    /** A repository of its own, installed and linked to the shipped individual agreement. */
    public static FakeRepo repository(String... settings) {
        long id = IDS.incrementAndGet();
        String owner = "org" + id;
        github().addInstallation(id, owner);
        FakeRepo repo = github().addRepository(id, owner + "/widget", id);
        String extra = settings.length == 0 ? "" : "," + String.join(",", settings);
        Api.admin().body("{\"owner\":\"" + owner + "\",\"repo\":\"widget\",\"agreement\":\"individual\"" + extra + "}")
                .post("/api/projects").then().statusCode(201);
        return repo;
    }

    /** A GitHub account with one verified address, {@code login@example.org}. */
    public static String user(String prefix) {
        long id = IDS.incrementAndGet();
        String login = prefix + id;
        github().addUser(id, login, "Person " + login, List.of(FakeEmail.primaryVerified(login + "@example.org")));
        return login;
    }

    static String email(String login) {
        return login + "@example.org";
    }

    static FakeCommit commitBy(String login) {
        return FakeCommit.by("Person " + login, email(login), "Change by " + login);
    }

    public static String deliver(String event, String payload) {
        String id = UUID.randomUUID().toString();
        WebhookEndpointTest.signed(id, event, payload).post("/github/webhook").then().statusCode(202);
        return id;
    }

    static void sign(String login) {
        WebClient client = WebClient.signIn(login);
        client.signIndividual(client.csrf(), Map.of("name", "Person " + login, "email", email(login))).then()
                .statusCode(303);
    }

    static FakeCheckRun completedRun(FakeRepo repo, String sha) {
        await("a completed check run on " + sha,
                () -> repo.checkRuns(sha).stream().anyMatch(r -> "completed".equals(r.status())));
        // What follows the check run (the comment, the record of the evaluation) is done too.
        await("the repository's deliveries and re-evaluations to settle",
                () -> "0".equals(Sql.textUnchecked("SELECT count(*) FROM delivery "
                        + "WHERE repository = ? AND state IN ('PENDING', 'PROCESSING')", repo.fullName()))
                        && "0".equals(Sql.textUnchecked("SELECT count(*) FROM job WHERE kind = ?"
                                + " AND payload ->> 'repository' = ? AND state IN ('QUEUED', 'RUNNING')",
                                ReevaluateJob.KIND, repo.fullName())));
        List<FakeCheckRun> runs = repo.checkRuns(sha);
        assertEquals(1, runs.size(), "one check run per head: " + runs);
        return runs.get(0);
    }

    /** The newest delivery of a repository. */
    static String deliveryOf(FakeRepo repo) {
        return Sql.textUnchecked(
                "SELECT delivery_id FROM delivery WHERE repository = ? ORDER BY received_at DESC LIMIT 1",
                repo.fullName());
    }

    static long calls(String method, String pathPart) {
        return github().requests().stream().filter(r -> r.method().equals(method) && r.path().contains(pathPart))
                .count();
    }

    @Test
    void unsignedAuthorFailsThenSigningTurnsCheckAndCommentGreenWithoutAWebhook() throws SQLException {
        FakeRepo repo = repository();
        String ada = user("ada");
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(commitBy(ada), commitBy(ada)));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));

        FakeCheckRun failed = completedRun(repo, pr.headSha());
        assertEquals("CLA", failed.name());
        assertEquals("failure", failed.conclusion());
        assertEquals("pull_request:1", failed.externalId());
        assertTrue(failed.detailsUrl().contains("/agreements/individual?repo=" + repo.fullName().replace("/", "%2F")),
                failed.detailsUrl());
        assertTrue(failed.summary().contains("@" + ada), failed.summary());
        assertTrue(failed.title().contains("1 of 1 contributor not covered"), failed.title());
        await("the comment", () -> !repo.comments(1).isEmpty());
        List<FakeComment> comments = repo.comments(1);
        assertEquals(1, comments.size());
        assertTrue(comments.get(0).body().contains(CheckTexts.COMMENT_MARKER), comments.get(0).body());
        assertTrue(comments.get(0).body().contains("@" + ada), comments.get(0).body());
        assertEquals(github().appSlug() + "[bot]", comments.get(0).userLogin());

        sign(ada);

        await("the check turning green", () -> "success".equals(repo.checkRuns(pr.headSha()).get(0).conclusion()));
        await("the comment turning green", () -> repo.comments(1).get(0).body().contains("✅"));
        assertEquals(1, repo.checkRuns(pr.headSha()).size(), "the same check run is updated");
        assertEquals(1, repo.comments(1).size(), "the same comment is edited");
        assertEquals("1", Sql.text("SELECT count(*) FROM delivery WHERE repository = ? AND event = 'pull_request'",
                repo.fullName()));
        assertEquals("1", Sql.text("SELECT count(*) FROM job WHERE kind = ? AND payload ->> 'repository' = ?",
                ReevaluateJob.KIND, repo.fullName()));
    }

    @Test
    void unsignedCoAuthorFailsTheCheck() {
        FakeRepo repo = repository();
        String ada = user("ada");
        String bob = user("bob");
        sign(ada);
        FakeCommit paired = FakeCommit.by("Person " + ada, email(ada),
                "Pair on the parser\n\nCo-authored-by: Bob <" + email(bob) + ">");
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(paired));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));

        FakeCheckRun run = completedRun(repo, pr.headSha());
        assertEquals("failure", run.conclusion());
        assertTrue(run.summary().contains(email(bob)), run.summary());
        assertTrue(run.summary().contains("@" + ada), run.summary());
    }

    @Test
    void aBotPassesAndGetsNoComment() {
        FakeRepo repo = repository();
        String ada = user("ada");
        FakeCommit bump = FakeCommit.by("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com",
                "Bump a dependency");
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(bump));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));

        String id = deliveryOf(repo);
        FakeCheckRun run = completedRun(repo, pr.headSha());
        assertEquals("success", run.conclusion(), run.summary());
        assertTrue(run.summary().contains("allowlisted"), run.summary());
        await("the delivery", DeliveryWorkerTest.stateIs(id, "DONE"));
        assertEquals(List.of(), repo.comments(1));
    }

    @Test
    void anUnlinkedEmailIsListedWithWhatToDo() {
        FakeRepo repo = repository();
        String ada = user("ada");
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(FakeCommit.by("Laptop", "root@laptop.local", "WIP")));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));

        FakeCheckRun run = completedRun(repo, pr.headSha());
        assertEquals("failure", run.conclusion());
        assertTrue(run.summary().contains("root@laptop.local"), run.summary());
        assertTrue(run.summary().contains("no GitHub account has verified this address"), run.summary());
        await("the comment", () -> !repo.comments(1).isEmpty());
        assertTrue(repo.comments(1).get(0).body().contains("root@laptop.local"), repo.comments(1).get(0).body());
    }

    @Test
    void aPullRequestOfThreeHundredCommitsIsReadCompletely() {
        FakeRepo repo = repository();
        String ada = user("ada");
        String late = user("late");
        sign(ada);
        List<FakeCommit> commits = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            commits.add(i == 280 ? commitBy(late) : commitBy(ada));
        }
        FakePullRequest pr = repo.openPullRequest(1, ada, commits);
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));

        FakeCheckRun run = completedRun(repo, pr.headSha());
        assertEquals("failure", run.conclusion());
        assertTrue(run.summary().contains("@" + late), "the author of commit 281 is found: " + run.summary());
        long compares = calls("GET", "/repos/" + repo.fullName() + "/compare/");
        assertTrue(compares >= 3, "300 commits are 3 pages of 100, read in " + compares);
    }

    @Test
    void aMergeGroupIsReportedOnItsHead() {
        FakeRepo repo = repository();
        String ada = user("ada");
        String eve = user("eve");
        sign(ada);
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(commitBy(ada)));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));
        assertEquals("success", completedRun(repo, pr.headSha()).conclusion());

        // The pull request passed on its head: the group passes at once, without reading commits.
        long compares = calls("GET", "/repos/" + repo.fullName() + "/compare/");
        String group = repo.mergeGroup(repo.defaultBranchSha(), List.of(commitBy(ada)));
        deliver("merge_group", FakeWebhooks.mergeGroupChecksRequested(repo, repo.defaultBranchSha(), group, 1));
        FakeCheckRun passed = completedRun(repo, group);
        assertEquals("success", passed.conclusion());
        assertEquals(compares, calls("GET", "/repos/" + repo.fullName() + "/compare/"));

        // A group for a pull request Covenant never saw pass is judged by its commits.
        String other = repo.mergeGroup(repo.defaultBranchSha(), List.of(commitBy(eve)));
        deliver("merge_group", FakeWebhooks.mergeGroupChecksRequested(repo, repo.defaultBranchSha(), other, 2));
        FakeCheckRun failed = completedRun(repo, other);
        assertEquals("failure", failed.conclusion());
        assertTrue(failed.summary().contains("@" + eve), failed.summary());
    }

    @Test
    void recheckCommentEvaluatesAgain() {
        FakeRepo repo = repository();
        String ada = user("ada");
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(commitBy(ada)));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));
        assertEquals("failure", completedRun(repo, pr.headSha()).conclusion());

        // An allowlist change fires no re-evaluation by itself; the comment asks for one.
        long projectId = Long
                .parseLong(Sql.textUnchecked("SELECT id FROM project WHERE owner = ?", repo.fullName().split("/")[0]));
        Api.admin().body("{\"allowlist\":[\"*[bot]\",\"" + ada + "\"]}").put("/api/projects/" + projectId + "/settings")
                .then().statusCode(200);
        deliver("issue_comment", FakeWebhooks.issueComment(repo, 1, ada, "Added myself.\n/cla recheck"));
        await("the recheck", () -> "success".equals(repo.checkRuns(pr.headSha()).get(0).conclusion()));
        assertEquals(1, repo.checkRuns(pr.headSha()).size());
    }

    @Test
    void anAddressAMaintainerLinkedIsThePersonInTheCheckAsInTheReport() {
        FakeRepo repo = repository();
        String ada = user("ada");
        sign(ada);
        String old = "ada@" + UUID.randomUUID();
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(FakeCommit.by("Ada", old, "From the old repo")));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));
        assertEquals("failure", completedRun(repo, pr.headSha()).conclusion());

        Api.admin().body(Map.of("email", old, "login", ada, "reason", "her Subversion address"))
                .post("/api/repos/" + repo.fullName() + "/relicensing/links").then().statusCode(201);
        deliver("issue_comment", FakeWebhooks.issueComment(repo, 1, ada, "Linked.\n/cla recheck"));
        await("the recheck", () -> "success".equals(repo.checkRuns(pr.headSha()).get(0).conclusion()));
    }

    @Test
    void aCommentWithoutThePhraseOrByABotChangesNothing() throws SQLException {
        FakeRepo repo = repository();
        String ada = user("ada");
        repo.openPullRequest(1, ada, List.of(commitBy(ada)));
        String chat = deliver("issue_comment", FakeWebhooks.issueComment(repo, 1, ada, "please /cla recheck"));
        await("the comment delivery", DeliveryWorkerTest.stateIs(chat, "DONE"));
        assertEquals(List.of(), repo.checkRuns());
        assertEquals("0", Sql.text("SELECT count(*) FROM pull_request WHERE repository = ?", repo.fullName()));
    }

    @Test
    void reRunOnGitHubEvaluatesAgain() {
        FakeRepo repo = repository();
        String ada = user("ada");
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(commitBy(ada)));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));
        FakeCheckRun failed = completedRun(repo, pr.headSha());
        int updates = failed.updates();

        deliver("check_run", FakeWebhooks.checkRunRerequested(repo, failed.id(), true));
        await("the re-run", () -> repo.checkRuns(pr.headSha()).get(0).updates() >= updates + 2);
        assertEquals(1, repo.checkRuns(pr.headSha()).size());
    }

    @Test
    void aRedeliveredDeliveryDoesNothing() throws SQLException {
        FakeRepo repo = repository();
        String ada = user("ada");
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(commitBy(ada)));
        String id = UUID.randomUUID().toString();
        String payload = FakeWebhooks.pullRequest(repo, "opened", 1);
        WebhookEndpointTest.signed(id, "pull_request", payload).post("/github/webhook").then().statusCode(202);
        completedRun(repo, pr.headSha());
        await("the delivery", DeliveryWorkerTest.stateIs(id, "DONE"));
        long posts = calls("POST", "/repos/" + repo.fullName() + "/check-runs");

        WebhookEndpointTest.signed(id, "pull_request", payload).post("/github/webhook").then().statusCode(202);
        assertEquals("1", Sql.text("SELECT count(*) FROM delivery WHERE delivery_id = ?", id));
        assertEquals(posts, calls("POST", "/repos/" + repo.fullName() + "/check-runs"));
        assertEquals(1, repo.comments(1).size());
    }

    @Test
    void serverErrorsAndRateLimitsAreRetriedAndWrittenOnce() throws SQLException {
        FakeRepo repo = repository();
        String ada = user("ada");
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(commitBy(ada)));
        github().failNext("POST", "/repos/" + repo.fullName() + "/check-runs", 1, 500);
        github().rateLimitNext("GET", "/repos/" + repo.fullName() + "/pulls/1/commits", 1,
                java.time.Instant.now().plusSeconds(1).getEpochSecond());
        String id = deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));

        await("the delivery", DeliveryWorkerTest.stateIs(id, "DONE"));
        assertEquals("3", Sql.text("SELECT attempts FROM delivery WHERE delivery_id = ?", id));
        FakeCheckRun run = completedRun(repo, pr.headSha());
        assertEquals("failure", run.conclusion());
        assertEquals(1, repo.comments(1).size(), "one comment, not one per attempt");
    }

    @Test
    void aHeadThatMovedOnIsClosedAsSupersededNotJudged() throws Exception {
        FakeRepo repo = repository();
        String ada = user("ada");
        String eve = user("eve");
        sign(ada);
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(commitBy(eve)));
        FakeHold hold = github().holdNext("GET", "/repos/" + repo.fullName() + "/pulls/1/commits");
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));
        hold.awaitHeld();
        // While the first head is being read, a push arrives, and another instance's worker records its head.
        String newHead = repo.push(1, List.of(commitBy(ada)));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "synchronize", 1));
        Sql.update("UPDATE pull_request SET head_sha = ?, head_updated_at = now() WHERE repository = ? AND number = 1",
                newHead, repo.fullName());
        hold.release();

        FakeCheckRun current = completedRun(repo, newHead);
        assertEquals("failure", current.conclusion(), "eve's commit is still in the pull request");
        // The old head's run is not left in progress (a required check would wait on it forever): it is closed as
        // neutral, superseded, with none of the old evaluation's result.
        await("the old head's run closed", () -> repo.checkRuns(pr.headSha()).stream()
                .allMatch(r -> "completed".equals(r.status())));
        List<FakeCheckRun> old = repo.checkRuns(pr.headSha());
        assertEquals(1, old.size(), old.toString());
        assertEquals("neutral", old.get(0).conclusion());
        assertEquals("Superseded by a newer head", old.get(0).title());
        assertTrue(old.get(0).summary().contains("no longer the head"), old.get(0).summary());
        await("the comment on the current head's failure", () -> !repo.comments(1).isEmpty());
    }

    @Test
    void aRunLeftInProgressByAnInstanceThatDiedIsClosedByThePullRequestsNextEvaluation() throws Exception {
        FakeRepo repo = repository();
        String ada = user("ada");
        sign(ada);
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(commitBy(ada)));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));
        assertEquals("success", completedRun(repo, pr.headSha()).conclusion());
        // Another instance took a push, recorded its head, created the run in progress, and died there.
        String abandoned = repo.push(1, List.of(commitBy(ada)));
        Sql.update("UPDATE pull_request SET head_sha = ?, head_updated_at = now() WHERE repository = ? AND number = 1",
                abandoned, repo.fullName());
        Instant now = Instant.now();
        long left = publisher.create(repo.installationId(), repo.fullName(), new CheckPublisher.CheckRun(
                checks.name(), abandoned, "pull_request:1", null, null, null, null, null), now);
        tracker.recordCheckRun(repo.fullName(), 1, abandoned, left, now, false);
        // The next push is evaluated by a live instance, which never evaluates the abandoned head itself.
        String current = repo.push(1, List.of(commitBy(ada)));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "synchronize", 1));

        assertEquals("success", completedRun(repo, current).conclusion());
        await("the abandoned head's run closed", () -> repo.checkRuns(abandoned).stream()
                .allMatch(r -> "completed".equals(r.status())));
        List<FakeCheckRun> old = repo.checkRuns(abandoned);
        assertEquals(1, old.size(), old.toString());
        assertEquals(left, old.get(0).id());
        assertEquals("neutral", old.get(0).conclusion());
        assertEquals("Superseded by a newer head", old.get(0).title());
        assertEquals("0", Sql.text("SELECT count(*) FROM check_run WHERE repository = ? AND completed_at IS NULL",
                repo.fullName()), "every run recorded as completed");
    }
}
