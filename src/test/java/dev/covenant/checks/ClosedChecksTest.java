package dev.covenant.checks;

import static dev.covenant.checks.PullRequestChecksTest.commitBy;
import static dev.covenant.checks.PullRequestChecksTest.deliver;
import static dev.covenant.checks.PullRequestChecksTest.user;
import static dev.covenant.inbox.DeliveryWorkerTest.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Api;
import dev.covenant.Sql;
import dev.covenant.github.FakeCheckRun;
import dev.covenant.github.FakeGitHub;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.github.FakePullRequest;
import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeWebhooks;

/**
 * A check run is never left in progress and never passes by default where the owner asked it to fail closed: a
 * delivery given up completes it as a failure that says why and how to run it again; an unlinked repository gets
 * neutral, or action_required once its owner asked for it.
 */
@QuarkusTest
class ClosedChecksTest {

    private static FakeGitHub github() {
        return FakeGitHubResource.fake();
    }

    @Test
    void aDeliveryThatEndsDeadFailsItsCheckRunWithTheReasonAndTheRecheckPhrase() {
        FakeRepo repo = PullRequestChecksTest.repository();
        String ada = user("ada");
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(commitBy(ada)));
        // Every attempt (3 in tests) finds GitHub failing where the commits are read, after the run was started.
        github().failNext("GET", "/repos/" + repo.fullName() + "/pulls/1/commits.*", 20, 502);
        String delivery = deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));

        await("the delivery to be given up", () -> "DEAD"
                .equals(Sql.textUnchecked("SELECT state FROM delivery WHERE delivery_id = ?", delivery)));
        await("the check run to be completed",
                () -> repo.checkRuns(pr.headSha()).stream().allMatch(r -> "completed".equals(r.status())));
        List<FakeCheckRun> runs = repo.checkRuns(pr.headSha());
        assertEquals(1, runs.size(), runs.toString());
        FakeCheckRun run = runs.get(0);
        assertEquals("failure", run.conclusion());
        assertEquals("The CLA check could not be completed", run.title());
        assertTrue(run.summary().contains("tried 3 times and is now DEAD"), run.summary());
        assertTrue(run.summary().contains("502"), run.summary());
        assertTrue(run.summary().contains("/cla recheck"), run.summary());
    }

    @Test
    void anUnlinkedRepositoryIsNeutralUntilItsOwnerAsksForActionRequired() {
        long id = 9_100_000 + (System.nanoTime() % 100_000);
        String owner = "unlinked" + id;
        github().addInstallation(id, owner);
        FakeRepo first = github().addRepository(id, owner + "/first", id);
        FakeRepo second = github().addRepository(id + 1, owner + "/second", id);
        String ada = user("ada");

        FakePullRequest neutral = first.openPullRequest(1, ada, List.of(commitBy(ada)));
        deliver("pull_request", FakeWebhooks.pullRequest(first, "opened", 1));
        await("the neutral run", () -> first.checkRuns(neutral.headSha()).stream()
                .anyMatch(r -> "neutral".equals(r.conclusion())));

        Api.admin().get("/api/owners/" + owner + "/settings").then().statusCode(200)
                .body("unlinkedConclusion", equalTo("neutral"));
        Api.admin().body(Map.of("unlinkedConclusion", "fail")).put("/api/owners/" + owner + "/settings").then()
                .statusCode(400).body("errors.field", hasItem("unlinkedConclusion"));
        Api.anonymous().body(Map.of("unlinkedConclusion", "action_required"))
                .put("/api/owners/" + owner + "/settings").then().statusCode(401);
        Api.admin().body(Map.of("unlinkedConclusion", "action_required")).put("/api/owners/" + owner.toUpperCase()
                + "/settings").then().statusCode(200).body("unlinkedConclusion", equalTo("action_required"));

        FakePullRequest required = second.openPullRequest(1, ada, List.of(commitBy(ada)));
        deliver("pull_request", FakeWebhooks.pullRequest(second, "opened", 1));
        await("the action_required run", () -> second.checkRuns(required.headSha()).stream()
                .anyMatch(r -> "completed".equals(r.status())));
        FakeCheckRun run = second.checkRuns(required.headSha()).get(0);
        assertEquals("action_required", run.conclusion());
        assertEquals("This repository is not linked to an agreement", run.title());
        assertTrue(run.summary().contains("is not linked to an agreement"), run.summary());
        assertTrue(run.detailsUrl() != null && run.detailsUrl().startsWith("http"), run.detailsUrl());
    }
}
