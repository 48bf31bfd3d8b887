package dev.covenant.checks;

import static dev.covenant.checks.PullRequestChecksTest.commitBy;
import static dev.covenant.checks.PullRequestChecksTest.completedRun;
import static dev.covenant.checks.PullRequestChecksTest.deliver;
import static dev.covenant.checks.PullRequestChecksTest.repository;
import static dev.covenant.checks.PullRequestChecksTest.sign;
import static dev.covenant.checks.PullRequestChecksTest.user;
import static dev.covenant.inbox.DeliveryWorkerTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.github.FakeCommit;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.github.FakePullRequest;
import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeWebhooks;
import dev.covenant.inbox.DeliveryWorkerTest;

/**
 * What one pull-request event costs: SQL statements on the worker's thread and calls to GitHub, for pull requests of
 * 1, 100 and 300 commits, and what a re-evaluation job costs on its own thread, for 1 and 100. The statements must
 * grow neither with the commits nor with the contributors (coverage is asked for all of them at once). The numbers go
 * to target/evaluation-cost.txt and docs/benchmarks.md.
 */
@QuarkusTest
class EvaluationCostTest {

    private static final String WORKER = "covenant-delivery-worker";
    private static final String REEVALUATOR = "covenant-job-" + ReevaluateJob.KIND;

    record Cost(String what, long statements, long apiCalls) {
    }

    private static Cost measure(String what, String author, int commits, IntFunction<FakeCommit> commit) {
        FakeRepo repo = repository();
        List<FakeCommit> list = new ArrayList<>();
        for (int i = 0; i < commits; i++) {
            list.add(commit.apply(i));
        }
        FakePullRequest pr = repo.openPullRequest(1, author, list);
        long before = SqlCounter.count(WORKER);
        long callsBefore = repoCalls(repo);
        String id = deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));
        await("the delivery", DeliveryWorkerTest.stateIs(id, "DONE"));
        // The claim's four statements (planning per call, expired leases, due deliveries, the update of the one found;
        // left out of the count, like the worker's idle polling) plus what the evaluation ran.
        long statements = SqlCounter.count(WORKER) - before + 4;
        return new Cost(what + " (" + commits + " commits, head " + pr.headSha().substring(0, 7) + ")", statements,
                repoCalls(repo) - callsBefore);
    }

    /**
     * A re-evaluation job after the author of an evaluated pull request signs: what the evaluation ran on the job's
     * thread. The job's own claim and end are plain JDBC, which Hibernate's count does not see, like the claim above.
     */
    private static Cost measureReevaluation(int commits) {
        String author = user("late");
        FakeRepo repo = repository();
        List<FakeCommit> list = new ArrayList<>();
        for (int i = 0; i < commits; i++) {
            list.add(commitBy(author));
        }
        FakePullRequest pr = repo.openPullRequest(1, author, list);
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));
        assertEquals("failure", completedRun(repo, pr.headSha()).conclusion());
        long before = SqlCounter.count(REEVALUATOR);
        long callsBefore = repoCalls(repo);
        sign(author);
        await("the re-evaluation", () -> "success".equals(completedRun(repo, pr.headSha()).conclusion()));
        return new Cost("re-evaluation after signing (" + commits + " commits, head " + pr.headSha().substring(0, 7)
                + ")", SqlCounter.count(REEVALUATOR) - before, repoCalls(repo) - callsBefore);
    }

    private static long repoCalls(FakeRepo repo) {
        return FakeGitHubResource.fake().requests().stream()
                .filter(r -> r.path().contains("/repos/" + repo.fullName() + "/"))
                .count();
    }

    @Test
    void statementsPerEvaluationDoNotGrowWithCommits() throws IOException {
        String ada = user("ada");
        String bob = user("bob");
        sign(ada);
        sign(bob);
        List<Cost> costs = List.of(
                measure("one signed author", ada, 1, i -> commitBy(ada)),
                measure("one signed author", ada, 100, i -> commitBy(ada)),
                measure("one signed author", ada, 300, i -> commitBy(ada)),
                measure("two signed authors", ada, 300, i -> commitBy(i % 2 == 0 ? ada : bob)),
                measure("one unsigned author, first failure", ada, 1, i -> commitBy("nobody" + ada)),
                measureReevaluation(1), measureReevaluation(100));
        StringBuilder report = new StringBuilder(
                "| pull request | SQL statements | GitHub API calls |\n|---|---|---|\n");
        costs.forEach(c -> report.append("| ").append(c.what()).append(" | ").append(c.statements()).append(" | ")
                .append(c.apiCalls()).append(" |\n"));
        Files.writeString(Path.of("target", "evaluation-cost.txt"), report);
        System.out.println(report);

        assertEquals(costs.get(0).statements(), costs.get(1).statements(), report.toString());
        assertEquals(costs.get(0).statements(), costs.get(2).statements(), report.toString());
        // Coverage is asked for every contributor at once: a second author costs no statement.
        assertEquals(costs.get(0).statements(), costs.get(3).statements(), report.toString());
        // Up to 250 commits the pull request's list is read; beyond, the comparison, one page per 100 commits.
        assertEquals(3, costs.get(0).apiCalls(), "create the check run, read commits, complete it: " + report);
        assertEquals(5, costs.get(2).apiCalls(), report.toString());
        assertTrue(costs.get(5).statements() > 0, "the re-evaluation ran on its job's thread: " + report);
        assertEquals(costs.get(5).statements(), costs.get(6).statements(), report.toString());
    }
}
