package dev.covenant.github;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

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
            JsonNode pr = rest.get(installationId,
                    "/repos/" + Repositories.requireFullName(repository) + "/pulls/" + number);
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
        return commitObjects(pr).stream().map(PullRequestReader::commit).toList();
    }

    /**
     * Every commit of a merged pull request with the lines it added. A single commit's lines are the pull
     * request's ({@code pullRequest} is its REST or webhook object); with more, each commit is asked for its
     * {@code stats}, one call each.
     */
    public List<PullRequestMerged.MergedCommit> mergedCommits(PullRequestHead pr, JsonNode pullRequest) {
        List<JsonNode> listed = commitObjects(pr);
        if (listed.size() == 1) {
            return List.of(merged(listed.get(0), pullRequest.path("additions").asLong(0),
                    pullRequest.path("deletions").asLong(0), pullRequest.path("changed_files").asInt(0)));
        }
        return listed.stream().map(c -> {
            JsonNode full = rest.get(pr.installationId(), "/repos/" + pr.repository() + "/commits/"
                    + sha(c.path("sha").asText(null)));
            return merged(full, full.path("stats").path("additions").asLong(0),
                    full.path("stats").path("deletions").asLong(0), full.path("files").size());
        }).toList();
    }

    private List<JsonNode> commitObjects(PullRequestHead pr) {
        if (pr.commitCount() < PULL_REQUEST_COMMITS_CAP) {
            List<JsonNode> listed = rest.list(pr.installationId(), "/repos/" + pr.repository() + "/pulls/" + pr.number()
                    + "/commits?per_page=100", null, PULL_REQUEST_COMMITS_CAP);
            // The count in the pull request may be older than its commits; a full first list means "maybe more".
            if (listed.size() < PULL_REQUEST_COMMITS_CAP) {
                return listed;
            }
        }
        return compareObjects(pr.installationId(), pr.repository(), pr.baseSha(), pr.headSha());
    }

    private static PullRequestMerged.MergedCommit merged(JsonNode json, long added, long deleted, int files) {
        String sha = json.path("sha").asText();
        JsonNode commit = json.path("commit");
        JsonNode author = commit.path("author");
        return new PullRequestMerged.MergedCommit(sha, author.path("name").asText(""), author.path("email").asText(""),
                Payloads.instant(author, "date", "commit " + sha), commit.path("committer").path("email").asText(""),
                commit.path("message").asText(""), added, deleted, files);
    }

    /** The commits reachable from {@code head} and not from {@code base}, oldest first. */
    public List<CommitInfo> compare(long installationId, String repository, String base, String head) {
        return compareObjects(installationId, repository, base, head).stream().map(PullRequestReader::commit).toList();
    }

    private List<JsonNode> compareObjects(long installationId, String repository, String base, String head) {
        return rest.list(installationId, "/repos/" + Repositories.requireFullName(repository) + "/compare/" + sha(base)
                + "..." + sha(head) + "?per_page=100", "commits", COMPARE_LIMIT);
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
                commit.path("message").asText(""), parents(json.path("parents")));
    }

    private static List<String> parents(JsonNode parents) {
        List<String> shas = new ArrayList<>(parents.size());
        parents.forEach(p -> shas.add(p.path("sha").asText()));
        return shas;
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
