package dev.covenant.github;

import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.covenant.checks.CommitInfo;
import dev.covenant.checks.GitActor;

/**
 * Reads pull requests and their commits from GitHub, as the project's own records. GitHub's list of a pull
 * request's commits stops at 250, so longer ones are read through the comparison of base and head, which pages
 * through all of them.
 */
@ApplicationScoped
public class PullRequestReader {

    /** GitHub's documented cap on {@code GET /repos/{o}/{r}/pulls/{n}/commits}. */
    static final int PULL_REQUEST_COMMITS_CAP = 250;
    /** More commits than any pull request a person could review; a guard against runaway paging. */
    static final int COMPARE_LIMIT = 50_000;

    private final GitHubRest rest;

    PullRequestReader(GitHubRest rest) {
        this.rest = rest;
    }

    /** Empty when GitHub does not know the pull request (deleted repository, wrong number). */
    public Optional<PullRequestHead> pullRequest(long installationId, String repository, int number) {
        try {
            JsonNode pr = rest.get(installationId, "/repos/" + Repositories.requireFullName(repository) + "/pulls/" + number);
            return Optional.of(PullRequestHead.of(installationId, repository, pr));
        } catch (GitHubRequestException e) {
            if (e.notFound()) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Every commit of the pull request, oldest first. */
    public List<CommitInfo> commits(PullRequestHead pr) {
        if (pr.commitCount() < PULL_REQUEST_COMMITS_CAP) {
            List<JsonNode> listed = rest.list(pr.installationId(), "/repos/" + pr.repository() + "/pulls/" + pr.number()
                    + "/commits?per_page=100", null, PULL_REQUEST_COMMITS_CAP);
            // The count in the pull request may be older than its commits; a full first list means "maybe more".
            if (listed.size() < PULL_REQUEST_COMMITS_CAP) {
                return listed.stream().map(PullRequestReader::commit).toList();
            }
        }
        return compare(pr.installationId(), pr.repository(), pr.baseSha(), pr.headSha());
    }

    /** The commits reachable from {@code head} and not from {@code base}, oldest first. */
    public List<CommitInfo> compare(long installationId, String repository, String base, String head) {
        return rest.list(installationId, "/repos/" + Repositories.requireFullName(repository) + "/compare/" + sha(base)
                + "..." + sha(head) + "?per_page=100", "commits", COMPARE_LIMIT).stream().map(PullRequestReader::commit).toList();
    }

    /** The open pull requests of a repository, newest first, at most {@code limit}. */
    public List<PullRequestHead> openPullRequests(long installationId, String repository, int limit) {
        return rest.list(installationId, "/repos/" + Repositories.requireFullName(repository)
                + "/pulls?state=open&per_page=100", null, limit).stream()
                .map(pr -> PullRequestHead.of(installationId, repository, pr)).toList();
    }

    static CommitInfo commit(JsonNode json) {
        JsonNode commit = json.path("commit");
        return new CommitInfo(json.path("sha").asText(null), actor(commit.path("author"), json.path("author")),
                commit.path("committer").isObject() ? actor(commit.path("committer"), json.path("committer")) : null,
                commit.path("message").asText(""));
    }

    /** Git's name and address, with the account GitHub linked to the address when it did. */
    private static GitActor actor(JsonNode git, JsonNode account) {
        boolean linked = account.isObject() && account.path("id").canConvertToLong();
        return new GitActor(git.path("name").asText(null), git.path("email").asText(null),
                linked ? account.path("login").asText(null) : null, linked ? account.path("id").asLong() : null);
    }

    private static String sha(String sha) {
        if (sha == null || !sha.matches("[0-9a-fA-F]{7,64}")) {
            throw new IllegalArgumentException("not a commit sha: " + sha);
        }
        return sha;
    }
}
