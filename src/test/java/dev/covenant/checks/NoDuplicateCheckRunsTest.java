package dev.covenant.checks;

import static dev.covenant.checks.PullRequestChecksTest.commitBy;
import static dev.covenant.checks.PullRequestChecksTest.completedRun;
import static dev.covenant.checks.PullRequestChecksTest.deliver;
import static dev.covenant.checks.PullRequestChecksTest.user;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.github.FakeCheckRun;
import dev.covenant.github.FakeGitHub;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.github.FakePullRequest;
import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeWebhooks;

/**
 * GitHub created the check run but its answer was lost (a 502 from its gateway, a timeout): the run is found by its
 * name and external id on the head and updated, never created a second time, whether it is found at once or by the
 * delivery's next attempt.
 */
@QuarkusTest
class NoDuplicateCheckRunsTest {

    private static FakeGitHub github() {
        return FakeGitHubResource.fake();
    }

    @Test
    void aCreateAnsweredWith502IsFoundAtOnceAndCompleted() {
        FakeRepo repo = PullRequestChecksTest.repository();
        String ada = user("ada");
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(commitBy(ada)));
        github().actedButAnswered("POST", "/repos/" + repo.fullName() + "/check-runs", 1, 502);
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));

        FakeCheckRun run = completedRun(repo, pr.headSha());
        assertEquals("failure", run.conclusion());
        assertEquals(1, PullRequestChecksTest.calls("GET", "/commits/" + pr.headSha() + "/check-runs"));
    }

    @Test
    void aCreateWhoseAnswerAndLookupFailedIsFoundByTheNextAttempt() {
        FakeRepo repo = PullRequestChecksTest.repository();
        String ada = user("ada");
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(commitBy(ada)));
        github().actedButAnswered("POST", "/repos/" + repo.fullName() + "/check-runs", 1, 504);
        github().failNext("GET", "/repos/" + repo.fullName() + "/commits/" + pr.headSha() + "/check-runs.*", 1, 502);
        String delivery = deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));

        FakeCheckRun run = completedRun(repo, pr.headSha());
        assertEquals("failure", run.conclusion());
        assertEquals("2", Sql.textUnchecked("SELECT attempts FROM delivery WHERE delivery_id = ?", delivery));
        assertEquals(1, PullRequestChecksTest.calls("POST", "/repos/" + repo.fullName() + "/check-runs"),
                "created once");
    }
}
