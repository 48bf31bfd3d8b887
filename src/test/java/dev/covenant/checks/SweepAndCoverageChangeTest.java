package dev.covenant.checks;

import static dev.covenant.checks.PullRequestChecksTest.commitBy;
import static dev.covenant.checks.PullRequestChecksTest.completedRun;
import static dev.covenant.checks.PullRequestChecksTest.deliver;
import static dev.covenant.checks.PullRequestChecksTest.email;
import static dev.covenant.checks.PullRequestChecksTest.repository;
import static dev.covenant.checks.PullRequestChecksTest.user;
import static dev.covenant.inbox.DeliveryWorkerTest.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.covenant.Api;
import dev.covenant.Sql;
import dev.covenant.github.FakeCommit;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.github.FakePullRequest;
import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeWebhooks;
import dev.covenant.inbox.DeliveryWorkerTest;
import dev.covenant.web.WebClient;

/** What re-evaluates a pull request without a webhook about it: the sweep, a company's approval list, a close. */
@QuarkusTest
class SweepAndCoverageChangeTest {

    @Inject
    Reconciler reconciler;

    @Inject
    ReconcileRuns runs;

    @AfterEach
    void restoreRateLimit() {
        FakeGitHubResource.fake().setRateLimitRemaining(4999);
    }

    private static void install(FakeRepo repo) {
        String id = deliver("installation", FakeWebhooks.installationCreated(repo.installationId(),
                repo.fullName().split("/")[0], List.of(repo)));
        await("the installation", DeliveryWorkerTest.stateIs(id, "DONE"));
    }

    @Test
    void theSweepEvaluatesWhatNoWebhookReported() throws SQLException {
        FakeRepo repo = repository();
        String ada = user("ada");
        install(repo);
        FakePullRequest seen = repo.openPullRequest(1, ada, List.of(commitBy(ada)));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));
        completedRun(repo, seen.headSha());
        // GitHub never told Covenant about this one (downtime, a lost delivery).
        FakePullRequest missed = repo.openPullRequest(2, ada, List.of(commitBy(ada)));

        ReconcileRuns.Run run = reconciler.sweep().orElseThrow();
        assertTrue(run.queued() >= 1, run.toString());
        assertEquals(run.repositories(), run.repositoriesDone(), run.toString());
        assertNotNull(run.finishedAt(), run.toString());
        assertNull(run.stoppedReason(), run.toString());
        completedRun(repo, missed.headSha());
        assertEquals(1, repo.checkRuns(seen.headSha()).size(), "a head with a result is left alone");
        assertEquals("1", Sql.text("SELECT count(*) FROM job WHERE kind = ? AND payload ->> 'repository' = ?"
                + " AND payload ->> 'cause' = 'reconcile'", ReevaluateJob.KIND, repo.fullName()));
        Api.admin().get("/api/sweeps").then().statusCode(200).body("[0].id", greaterThanOrEqualTo((int) run.id()));
    }

    @Test
    void aSweepAskedForThroughTheApiRunsAsAJob() {
        Api.admin().post("/api/sweeps").then().statusCode(202);
        await("the sweep job", () -> "DONE".equals(Sql.textUnchecked("SELECT state FROM job WHERE kind = ?"
                + " ORDER BY id DESC LIMIT 1", SweepJob.KIND)));
        String job = Sql.textUnchecked("SELECT max(id) FROM job WHERE kind = ?", SweepJob.KIND);
        assertEquals(job, Sql.textUnchecked("SELECT job_id FROM reconcile_run ORDER BY id DESC LIMIT 1"));
        assertEquals(Sql.textUnchecked("SELECT repositories FROM reconcile_run ORDER BY id DESC LIMIT 1"),
                Sql.textUnchecked("SELECT total FROM job WHERE id = ?::bigint", job), "its progress shows on its job");
    }

    @Test
    void aSweepStartedAgainClosesTheRunItsStoppedInstanceLeftOpen() throws SQLException {
        String job = Sql.text("INSERT INTO job (kind, state, run_after, attempts, lease_owner, lease_until, created_at,"
                + " updated_at) VALUES ('test-idle', 'RUNNING', now(), 2, 'this test', now() + interval '1 minute',"
                + " now(), now()) RETURNING id");
        String left = Sql.text("INSERT INTO reconcile_run (started_at, job_id) VALUES (now() - interval '5 minutes',"
                + " ?::bigint) RETURNING id", job);
        long started = runs.start(Instant.now(), Long.parseLong(job)).orElseThrow();
        runs.finish(started, Instant.now(), null);
        assertTrue(Sql.text("SELECT stopped_reason FROM reconcile_run WHERE id = ?::bigint", left)
                .startsWith("interrupted"));
        Sql.update("DELETE FROM reconcile_run WHERE job_id = ?::bigint", job);
        Sql.update("DELETE FROM job WHERE id = ?::bigint", job);
    }

    @Test
    void theSweepStopsAtItsShareOfTheRateLimit() {
        FakeRepo repo = repository();
        String ada = user("ada");
        install(repo);
        FakePullRequest missed = repo.openPullRequest(1, ada, List.of(commitBy(ada)));
        // 20% of 20 calls is 4: not even one evaluation (4 calls) after listing the pull requests.
        FakeGitHubResource.fake().setRateLimitRemaining(20);

        ReconcileRuns.Run run = reconciler.sweep().orElseThrow();
        assertThat(run.toString(), run.stoppedReason(), containsString("rate-limit share"));
        assertEquals(List.of(), repo.checkRuns(missed.headSha()));
    }

    @Test
    void aCompanyApprovingADomainTurnsItsEmployeesPullRequestsGreen() {
        FakeRepo repo = repository("\"corporateAgreement\":\"corporate\"");
        String domain = "acme-" + UUID.randomUUID().toString().substring(0, 8) + ".example";
        FakePullRequest pr = repo.openPullRequest(1, user("ada"),
                List.of(FakeCommit.by("Dev at Acme", "dev@" + domain, "Fix the build")));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));
        assertEquals("failure", completedRun(repo, pr.headSha()).conclusion());

        WebClient manager = WebClient.signIn(user("cso"));
        String corporate = manager.signCorporate("Acme " + domain);
        manager.approve(corporate, "DOMAIN", domain).then().statusCode(303);

        await("the approval turning the check green",
                () -> "success".equals(repo.checkRuns(pr.headSha()).get(0).conclusion()));
        assertTrue(repo.checkRuns(pr.headSha()).get(0).summary().contains("approved by Acme"),
                repo.checkRuns(pr.headSha()).get(0).summary());
    }

    @Test
    void aClosedPullRequestIsNoLongerReevaluated() throws SQLException {
        FakeRepo repo = repository();
        String ada = user("ada");
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(commitBy(ada)));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));
        completedRun(repo, pr.headSha());
        repo.close(1);
        String closed = deliver("pull_request", FakeWebhooks.pullRequest(repo, "closed", 1));
        await("the close", DeliveryWorkerTest.stateIs(closed, "DONE"));
        assertEquals("CLOSED",
                Sql.text("SELECT state FROM pull_request WHERE repository = ? AND number = 1", repo.fullName()));

        WebClient client = WebClient.signIn(ada);
        client.signIndividual(client.csrf(), java.util.Map.of("name", "Ada", "email", email(ada))).then()
                .statusCode(303);
        assertEquals("0", Sql.text("SELECT count(*) FROM job WHERE kind = ? AND payload ->> 'repository' = ?",
                ReevaluateJob.KIND, repo.fullName()));
        assertEquals("failure", repo.checkRuns(pr.headSha()).get(0).conclusion());
    }
}
