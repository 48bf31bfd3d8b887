package dev.covenant.github;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webhook payloads built from the fake's repository state, as GitHub would deliver them. */
class FakeWebhooksTest {

    private static final long APP_ID = 616161;
    private static final long INSTALLATION = 7_200_001;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static FakeGitHub fake;
    private FakeRepo repo;

    @BeforeAll
    static void startFake() {
        KeyPair keys = FakeAppFixture.keys();
        fake = FakeGitHub.start()
                .addUser(583231, "octocat", "The Octocat", List.of(FakeEmail.primaryVerified("octocat@github.com")))
                .addUser(1001, "hubot", "Hubot", List.of(FakeEmail.primaryVerified("hubot@example.org")))
                .registerApp(APP_ID, keys.getPublic())
                .addInstallation(INSTALLATION, "covenant-dev");
    }

    @AfterAll
    static void stopFake() {
        fake.close();
    }

    @BeforeEach
    void freshRepository() {
        repo = fake.addRepository(5151, "covenant-dev/widgets", INSTALLATION);
    }

    @Test
    void pullRequestEventsCarryTheRepositoryInstallationAndSender() throws Exception {
        FakePullRequest pull = repo.openPullRequest(7, "octocat", List.of(FakeCommit.by("Octo", "octocat@github.com",
                "Add widgets\n\nLonger text")));

        JsonNode opened = JSON.readTree(FakeWebhooks.pullRequest(repo, "opened", 7));

        assertEquals("opened", opened.get("action").asText());
        assertEquals(7, opened.get("number").asInt());
        JsonNode pr = opened.get("pull_request");
        assertEquals(pull.headSha(), pr.get("head").get("sha").asText());
        assertEquals("feature-7", pr.get("head").get("ref").asText());
        assertEquals(pull.baseSha(), pr.get("base").get("sha").asText());
        assertEquals("main", pr.get("base").get("ref").asText());
        assertEquals("covenant-dev/widgets", pr.get("base").get("repo").get("full_name").asText());
        assertEquals("Add widgets", pr.get("title").asText());
        assertEquals(1, pr.get("commits").asInt());
        assertFalse(pr.get("draft").asBoolean());
        assertEquals("octocat", pr.get("user").get("login").asText());
        assertEquals(INSTALLATION, opened.get("installation").get("id").asLong());
        assertTrue(opened.get("installation").has("node_id"));
        JsonNode repository = opened.get("repository");
        assertEquals(5151, repository.get("id").asLong());
        assertEquals("widgets", repository.get("name").asText());
        assertEquals("main", repository.get("default_branch").asText());
        assertTrue(repository.get("private").asBoolean());
        assertEquals("Organization", repository.get("owner").get("type").asText());
        assertEquals("covenant-dev", opened.get("organization").get("login").asText());
        assertEquals("octocat", opened.get("sender").get("login").asText());
    }

    @Test
    void synchronizeNamesTheHeadsBeforeAndAfterThePush() throws Exception {
        FakePullRequest pull = repo.openPullRequest(7, "octocat",
                List.of(FakeCommit.by("Octo", "octocat@github.com", "a")));
        String after = repo.push(7, List.of(FakeCommit.by("Octo", "octocat@github.com", "b")));

        JsonNode payload = JSON.readTree(FakeWebhooks.pullRequest(repo, "synchronize", 7));

        assertEquals(pull.headSha(), payload.get("before").asText());
        assertEquals(after, payload.get("after").asText());
        assertEquals(2, payload.get("pull_request").get("commits").asInt());
    }

    @Test
    void anIssueCommentExistsOnceItsPayloadIsBuilt() throws Exception {
        repo.openPullRequest(7, "octocat", List.of(FakeCommit.by("Octo", "octocat@github.com", "a")));

        JsonNode payload = JSON.readTree(FakeWebhooks.issueComment(repo, 7, "hubot", "@covenant-test recheck"));

        assertEquals("created", payload.get("action").asText());
        assertEquals(7, payload.get("issue").get("number").asInt());
        assertThat(payload.get("issue").get("pull_request").get("html_url").asText(), endsWith("/pull/7"));
        FakeComment stored = repo.comments(7).get(0);
        assertEquals(stored.id(), payload.get("comment").get("id").asLong());
        assertEquals("@covenant-test recheck", payload.get("comment").get("body").asText());
        assertEquals("hubot", payload.get("comment").get("user").get("login").asText());
        assertEquals("hubot", payload.get("sender").get("login").asText());
    }

    @Test
    void aRerequestedCheckRunListsItsPullRequestsUnlessFromAFork() throws Exception {
        FakePullRequest pull = repo.openPullRequest(7, "octocat",
                List.of(FakeCommit.by("Octo", "octocat@github.com", "a")));
        FakeCheckRun run = repo.activity().addCheckRun(id -> new FakeCheckRun(id, "CLA", pull.headSha(), "completed",
                "failure", "pr-7", null, "Unsigned", "octocat has not signed", null, FakeRepo.now(), FakeRepo.now(),
                0));

        JsonNode payload = JSON.readTree(FakeWebhooks.checkRunRerequested(repo, run.id()));
        JsonNode fromFork = JSON.readTree(FakeWebhooks.checkRunRerequested(repo, run.id(), true));

        JsonNode checkRun = payload.get("check_run");
        assertEquals("rerequested", payload.get("action").asText());
        assertEquals(run.id(), checkRun.get("id").asLong());
        assertEquals("CLA", checkRun.get("name").asText());
        assertEquals(pull.headSha(), checkRun.get("head_sha").asText());
        assertEquals("pr-7", checkRun.get("external_id").asText());
        assertEquals("failure", checkRun.get("conclusion").asText());
        assertEquals(APP_ID, checkRun.get("app").get("id").asLong());
        assertEquals(fake.appSlug(), checkRun.get("app").get("slug").asText());
        assertEquals(7, checkRun.get("pull_requests").get(0).get("number").asInt());
        assertEquals(0, fromFork.get("check_run").get("pull_requests").size());
        assertThrows(IllegalArgumentException.class, () -> FakeWebhooks.checkRunRerequested(repo, 1));
    }

    @Test
    void aMergeGroupNamesItsQueueBranchAndHeadCommit() throws Exception {
        repo.openPullRequest(7, "octocat", List.of(FakeCommit.by("Octo", "octocat@github.com", "a")));
        String base = repo.defaultBranchSha();
        FakeCommit squashed = FakeCommit.by("Octo", "octocat@github.com", "Add widgets (#7)");
        String head = repo.mergeGroup(base, List.of(squashed));

        JsonNode group = JSON.readTree(FakeWebhooks.mergeGroupChecksRequested(repo, base, head, 7)).get("merge_group");

        assertEquals(head, group.get("head_sha").asText());
        assertEquals("refs/heads/gh-readonly-queue/main/pr-7-" + base, group.get("head_ref").asText());
        assertEquals(base, group.get("base_sha").asText());
        assertEquals("refs/heads/main", group.get("base_ref").asText());
        assertEquals(squashed.sha(), group.get("head_commit").get("id").asText());
        assertEquals("Add widgets (#7)", group.get("head_commit").get("message").asText());
        assertEquals("noreply@github.com", group.get("head_commit").get("committer").get("email").asText());
    }

    @Test
    void installationEventsListTheRepositories() throws Exception {
        FakeRepo other = fake.addRepository(5152, "covenant-dev/gadgets", INSTALLATION);

        JsonNode created = JSON
                .readTree(FakeWebhooks.installationCreated(INSTALLATION, "octocat", List.of(repo, other)));
        JsonNode added = JSON.readTree(FakeWebhooks.installationRepositoriesAdded(INSTALLATION, "octocat",
                List.of(other)));

        assertEquals("created", created.get("action").asText());
        assertEquals(INSTALLATION, created.get("installation").get("id").asLong());
        assertEquals("covenant-dev", created.get("installation").get("account").get("login").asText());
        assertEquals(fake.appSlug(), created.get("installation").get("app_slug").asText());
        assertEquals(List.of("covenant-dev/widgets", "covenant-dev/gadgets"),
                List.of(created.get("repositories").get(0).get("full_name").asText(),
                        created.get("repositories").get(1).get("full_name").asText()));
        assertEquals("octocat", created.get("sender").get("login").asText());
        assertEquals("added", added.get("action").asText());
        assertEquals("selected", added.get("repository_selection").asText());
        assertEquals(5152, added.get("repositories_added").get(0).get("id").asLong());
        assertEquals(0, added.get("repositories_removed").size());
    }
}
