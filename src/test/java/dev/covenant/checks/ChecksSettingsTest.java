package dev.covenant.checks;

import static dev.covenant.checks.PullRequestChecksTest.commitBy;
import static dev.covenant.checks.PullRequestChecksTest.deliver;
import static dev.covenant.checks.PullRequestChecksTest.repository;
import static dev.covenant.checks.PullRequestChecksTest.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.Test;

import dev.covenant.github.FakeCheckRun;
import dev.covenant.github.FakePullRequest;
import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeStatus;
import dev.covenant.github.FakeWebhooks;
import dev.covenant.inbox.DeliveryWorkerTest;

/** A repository that requires a commit status, under a check name of its own, and wants no comments. */
@QuarkusTest
@TestProfile(ChecksSettingsTest.StatusNoComment.class)
class ChecksSettingsTest {

    public static class StatusNoComment implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("covenant.checks.name", "Contributor agreement",
                    "covenant.checks.commit-status", "true",
                    "covenant.checks.status-context", "legal/cla",
                    "covenant.checks.comment", "false");
        }
    }

    @Test
    void theStatusFollowsTheCheckAndNoCommentIsPosted() {
        FakeRepo repo = repository();
        String ada = user("ada");
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(commitBy(ada)));
        String id = deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));
        DeliveryWorkerTest.await("the delivery", DeliveryWorkerTest.stateIs(id, "DONE"));

        List<FakeCheckRun> runs = repo.checkRuns(pr.headSha());
        assertEquals(1, runs.size());
        assertEquals("Contributor agreement", runs.get(0).name());
        assertEquals("failure", runs.get(0).conclusion());
        List<FakeStatus> statuses = repo.statuses(pr.headSha());
        assertEquals(1, statuses.size());
        assertEquals("legal/cla", statuses.get(0).context());
        assertEquals("failure", statuses.get(0).state());
        assertTrue(statuses.get(0).targetUrl().contains("/agreements/individual"), statuses.get(0).targetUrl());
        assertEquals(List.of(), repo.comments(1));
    }
}
