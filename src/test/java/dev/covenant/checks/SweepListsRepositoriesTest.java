package dev.covenant.checks;

import static dev.covenant.checks.PullRequestChecksTest.commitBy;
import static dev.covenant.checks.PullRequestChecksTest.completedRun;
import static dev.covenant.checks.PullRequestChecksTest.deliver;
import static dev.covenant.checks.PullRequestChecksTest.user;
import static dev.covenant.inbox.DeliveryWorkerTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.github.FakePullRequest;
import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeWebhooks;
import dev.covenant.inbox.DeliveryWorkerTest;

/**
 * The sweep asks GitHub which repositories an installation reaches ({@code GET /installation/repositories}, every
 * page), so a repository no webhook named (created later in an organisation that installed the App on all of them)
 * is swept too, and one the installation no longer reaches is dropped.
 */
@QuarkusTest
class SweepListsRepositoriesTest {

    @Inject
    Reconciler reconciler;

    @Test
    void aRepositoryNoWebhookNamedIsSweptAndEveryPageIsRead() throws Exception {
        FakeRepo repo = PullRequestChecksTest.repository();
        long installation = repo.installationId();
        String owner = repo.fullName().split("/")[0];
        // The installation's webhook named another repository, not the linked one; GitHub lists 100 more (2 pages of
        // 100, the most GitHub gives a page).
        FakeRepo named = FakeGitHubResource.fake().addRepository(installation * 1000 + 999, owner + "/named",
                installation);
        String created = deliver("installation", FakeWebhooks.installationCreated(installation, owner,
                List.of(named)));
        await("the installation", DeliveryWorkerTest.stateIs(created, "DONE"));
        for (int i = 0; i < 100; i++) {
            FakeGitHubResource.fake().addRepository(installation * 1000 + i, owner + "/other" + i, installation);
        }
        Sql.update("INSERT INTO installation_repository (installation_id, repo_id, full_name) VALUES (?, 1, ?)",
                installation, owner + "/gone");
        String ada = user("ada");
        FakePullRequest missed = repo.openPullRequest(1, ada, List.of(commitBy(ada)));

        ReconcileRuns.Run run = reconciler.sweep().orElseThrow();

        assertTrue(run.repositories() >= 102, run.toString());
        assertEquals("102", Sql.text("SELECT count(*) FROM installation_repository WHERE installation_id = ?",
                installation));
        assertEquals("0", Sql.text("SELECT count(*) FROM installation_repository WHERE full_name = ?",
                owner + "/gone"), "a repository GitHub no longer lists is dropped");
        assertEquals("failure", completedRun(repo, missed.headSha()).conclusion());
    }
}
