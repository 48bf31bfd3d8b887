package dev.covenant.github;

import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Webhook payloads (the request body GitHub POSTs) shaped like GitHub's documented ones for the events a CLA App
 * subscribes to, built from the state of a {@link FakeRepo}: {@code installation} ({@code id}, {@code node_id}),
 * {@code repository}, {@code organization} for an organization's repository, and {@code sender}. They are only the
 * body; deliver them with the event name in {@code X-GitHub-Event} and a signature of your own.
 */
public final class FakeWebhooks {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FakeWebhooks() {
    }

    /** {@code pull_request}: "opened", "synchronize" (with {@code before} and {@code after}), "reopened", "closed"... */
    public static String pullRequest(FakeRepo repo, String action, int number) {
        FakePullRequest pull = requirePull(repo, number);
        Map<String, Object> payload = event(action);
        payload.put("number", number);
        if ("synchronize".equals(action)) {
            String before = repo.headBeforePush(number);
            payload.put("before", before == null ? pull.baseSha() : before);
            payload.put("after", pull.headSha());
        }
        payload.put("pull_request", json(repo).pullRequest(repo, pull, true));
        return write(envelope(payload, repo, pull.authorLogin()));
    }

    /**
     * {@code issue_comment} "created" on pull request {@code number}. Like GitHub, the comment then exists: it is
     * added to the repository, so the payload's id is the one the API serves.
     */
    public static String issueComment(FakeRepo repo, int number, String commenterLogin, String body) {
        FakePullRequest pull = requirePull(repo, number);
        String login = repo.home().directory().requireUser(commenterLogin).login();
        FakeComment comment = repo.activity().addComment(number, login, body);
        Map<String, Object> payload = event("created");
        payload.put("issue", json(repo).issue(repo, pull));
        payload.put("comment", repo.home().activityJson().comment(repo, repo.activity().comment(comment.id())));
        return write(envelope(payload, repo, login));
    }

    /** {@code check_run} "rerequested" for a run on a pull request of this repository. */
    public static String checkRunRerequested(FakeRepo repo, long checkRunId) {
        return checkRunRerequested(repo, checkRunId, false);
    }

    /** As above; {@code fromFork} leaves {@code pull_requests} empty, as GitHub does for pull requests from forks. */
    public static String checkRunRerequested(FakeRepo repo, long checkRunId, boolean fromFork) {
        FakeCheckRun run = repo.activity().checkRun(checkRunId);
        if (run == null) {
            throw new IllegalArgumentException(repo.fullName() + " has no check run " + checkRunId);
        }
        Map<String, Object> checkRun = repo.home().activityJson().checkRun(repo, run, !fromFork);
        Map<String, Object> suite = new LinkedHashMap<>();
        suite.put("id", repo.activity().checkSuiteId(run.headSha()));
        suite.put("node_id", FakeRepoJson.nodeId("010:CheckSuite", repo.activity().checkSuiteId(run.headSha())));
        suite.put("head_branch", repo.openPullRequestsAt(run.headSha()).stream().map(FakePullRequest::headRef)
                .findFirst().orElse(null));
        suite.put("head_sha", run.headSha());
        suite.put("status", run.status());
        suite.put("conclusion", run.conclusion());
        suite.put("pull_requests", checkRun.get("pull_requests"));
        suite.put("app", checkRun.get("app"));
        checkRun.put("check_suite", suite);
        Map<String, Object> payload = event("rerequested");
        payload.put("check_run", checkRun);
        String sender = repo.openPullRequestsAt(run.headSha()).stream().map(FakePullRequest::authorLogin)
                .findFirst().orElse(repo.ownerLogin());
        return write(envelope(payload, repo, sender));
    }

    /** {@code merge_group} "checks_requested" for the queue branch of pull request {@code prNumber}. */
    public static String mergeGroupChecksRequested(FakeRepo repo, String baseSha, String headSha, int prNumber) {
        FakeCommitGraph.Node head = repo.commit(headSha);
        if (head == null) {
            throw new IllegalArgumentException(repo.fullName() + " has no commit " + headSha + "; see mergeGroup");
        }
        FakeCommit commit = head.commit();
        Map<String, Object> headCommit = new LinkedHashMap<>();
        headCommit.put("id", commit.sha());
        headCommit.put("tree_id", FakeCommitJson.treeSha(commit.sha()));
        headCommit.put("message", commit.message());
        headCommit.put("timestamp", commit.date().toString());
        headCommit.put("author", Map.of("name", commit.authorName(), "email", commit.authorEmail()));
        headCommit.put("committer", Map.of("name", commit.committerName(), "email", commit.committerEmail()));
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("head_sha", headSha);
        group.put("head_ref", "refs/heads/gh-readonly-queue/" + FakeRepo.DEFAULT_BRANCH + "/pr-" + prNumber + "-"
                + baseSha);
        group.put("base_sha", baseSha);
        group.put("base_ref", "refs/heads/" + FakeRepo.DEFAULT_BRANCH);
        group.put("head_commit", headCommit);
        Map<String, Object> payload = event("checks_requested");
        payload.put("merge_group", group);
        FakePullRequest pull = repo.pullRequest(prNumber);
        return write(envelope(payload, repo, pull == null ? repo.ownerLogin() : pull.authorLogin()));
    }

    /** {@code installation} "created", listing the repositories it was granted; {@code repos} must not be empty. */
    public static String installationCreated(long installationId, String account, List<FakeRepo> repos) {
        FakeGitHubRepos home = homeOf(repos);
        Map<String, Object> payload = event("created");
        payload.put("installation", home.apps().installationJson(installationId));
        payload.put("repositories", repos.stream().map(FakeWebhooks::repositoryRef).toList());
        payload.put("requester", null);
        payload.put("sender", home.json().account(account));
        return write(payload);
    }

    /** {@code installation_repositories} "added" with {@code repos}, on a selection of repositories. */
    public static String installationRepositoriesAdded(long installationId, String account, List<FakeRepo> repos) {
        FakeGitHubRepos home = homeOf(repos);
        Map<String, Object> installation = home.apps().installationJson(installationId);
        installation.put("repository_selection", "selected");
        Map<String, Object> payload = event("added");
        payload.put("installation", installation);
        payload.put("repository_selection", "selected");
        payload.put("repositories_added", repos.stream().map(FakeWebhooks::repositoryRef).toList());
        payload.put("repositories_removed", List.of());
        payload.put("requester", null);
        payload.put("sender", home.json().account(account));
        return write(payload);
    }

    private static Map<String, Object> event(String action) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("action", action);
        return payload;
    }

    private static Map<String, Object> envelope(Map<String, Object> payload, FakeRepo repo, String senderLogin) {
        FakeRepoJson json = json(repo);
        payload.put("repository", json.repository(repo));
        Map<String, Object> owner = json.account(repo.ownerLogin());
        if ("Organization".equals(owner.get("type"))) {
            payload.put("organization", owner);
        }
        payload.put("sender", json.user(repo, senderLogin));
        payload.put("installation", Map.of("id", repo.installationId(),
                "node_id", FakeRepoJson.nodeId("023:IntegrationInstallation", repo.installationId())));
        return payload;
    }

    /** The short repository object installation events list. */
    private static Map<String, Object> repositoryRef(FakeRepo repo) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", repo.id());
        json.put("node_id", FakeRepoJson.nodeId("010:Repository", repo.id()));
        json.put("name", repo.name());
        json.put("full_name", repo.fullName());
        json.put("private", true);
        return json;
    }

    private static FakeRepoJson json(FakeRepo repo) {
        return repo.home().json();
    }

    private static FakeGitHubRepos homeOf(List<FakeRepo> repos) {
        if (repos.isEmpty()) {
            throw new IllegalArgumentException("list at least one repository: the payload is built from its fake");
        }
        return repos.get(0).home();
    }

    private static FakePullRequest requirePull(FakeRepo repo, int number) {
        FakePullRequest pull = repo.pullRequest(number);
        if (pull == null) {
            throw new IllegalArgumentException(repo.fullName() + " has no pull request #" + number);
        }
        return pull;
    }

    private static String write(Map<String, Object> payload) {
        try {
            return JSON.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
