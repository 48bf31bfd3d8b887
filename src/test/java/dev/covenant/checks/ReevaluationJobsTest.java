package dev.covenant.checks;

import static dev.covenant.checks.PullRequestChecksTest.commitBy;
import static dev.covenant.checks.PullRequestChecksTest.completedRun;
import static dev.covenant.checks.PullRequestChecksTest.deliver;
import static dev.covenant.checks.PullRequestChecksTest.repository;
import static dev.covenant.checks.PullRequestChecksTest.user;
import static dev.covenant.inbox.DeliveryWorkerTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;
import java.util.List;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.github.FakePullRequest;
import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeWebhooks;
import dev.covenant.signing.CoverageChanged;

/** Re-evaluations as jobs: queued with the coverage change that needs them, one waiting per pull request, retried. */
@QuarkusTest
class ReevaluationJobsTest {

    @Inject
    Event<CoverageChanged> changes;

    /** A repository with one open pull request by {@code author}, evaluated once. */
    private static FakeRepo evaluated(String author) {
        FakeRepo repo = repository();
        FakePullRequest pr = repo.openPullRequest(1, author, List.of(commitBy(author)));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));
        completedRun(repo, pr.headSha());
        return repo;
    }

    private static long githubId(String login) {
        return Long.parseLong(login.replaceAll("\\D", ""));
    }

    private static String jobs(FakeRepo repo, String condition) throws SQLException {
        return Sql.text("SELECT count(*) FROM job WHERE kind = ? AND payload ->> 'repository' = ?" + condition,
                ReevaluateJob.KIND, repo.fullName());
    }

    @Test
    void aBurstOfChangesQueuesOneReevaluationPerPullRequest() throws SQLException {
        String ada = user("ada");
        FakeRepo repo = evaluated(ada);
        QuarkusTransaction.requiringNew().run(() -> {
            changes.fire(CoverageChanged.person(githubId(ada), "signature"));
            changes.fire(CoverageChanged.person(githubId(ada), "revocation"));
            changes.fire(CoverageChanged.person(githubId(ada), "signature"));
        });
        assertEquals("1", jobs(repo, ""));
        assertEquals("signature", Sql.text("SELECT payload ->> 'cause' FROM job WHERE kind = ? AND dedupe_key = ?",
                ReevaluateJob.KIND, repo.fullName() + "#1"));
        await("the re-evaluation", () -> "1".equals(Sql.textUnchecked("SELECT count(*) FROM job WHERE kind = ?"
                + " AND dedupe_key = ? AND state = 'DONE'", ReevaluateJob.KIND, repo.fullName() + "#1")));
    }

    @Test
    void aChangeThatRollsBackQueuesNothing() throws SQLException {
        String ada = user("ada");
        FakeRepo repo = evaluated(ada);
        assertThrows(IllegalStateException.class, () -> QuarkusTransaction.requiringNew().run(() -> {
            changes.fire(CoverageChanged.person(githubId(ada), "signature"));
            throw new IllegalStateException("the signature could not be recorded");
        }));
        assertEquals("0", jobs(repo, ""));
    }

    @Test
    void whileGitHubIsDownAReevaluationIsRetriedThenFailsWithItsReason() throws SQLException {
        String ada = user("ada");
        FakeRepo repo = evaluated(ada);
        FakeGitHubResource.fake().setDown(true);
        try {
            QuarkusTransaction.requiringNew()
                    .run(() -> changes.fire(CoverageChanged.person(githubId(ada), "signature")));
            await("the re-evaluation to give up", () -> !"0".equals(Sql.textUnchecked("SELECT count(*) FROM job"
                    + " WHERE kind = ? AND payload ->> 'repository' = ? AND state = 'FAILED'", ReevaluateJob.KIND,
                    repo.fullName())));
        } finally {
            FakeGitHubResource.fake().setDown(false);
        }
        String error = Sql.text("SELECT error FROM job WHERE kind = ? AND payload ->> 'repository' = ?",
                ReevaluateJob.KIND, repo.fullName());
        assertEquals("gave up after 3 attempts: ", error.substring(0, "gave up after 3 attempts: ".length()), error);
        assertEquals("3", Sql.text("SELECT attempts FROM job WHERE kind = ? AND payload ->> 'repository' = ?",
                ReevaluateJob.KIND, repo.fullName()));
    }
}
