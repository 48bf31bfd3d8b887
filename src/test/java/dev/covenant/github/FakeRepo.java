package dev.covenant.github;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A private repository on the fake, owned by one App installation: its history, pull requests, and what the App
 * wrote on it (check runs, comments, commit statuses). Tests arrange pull requests here and read back what the
 * service did. Thread-safe: history and pull requests are guarded by the repository's lock, what was written by
 * {@link FakeRepoActivity}'s.
 */
public final class FakeRepo {

    static final String DEFAULT_BRANCH = "main";
    private static final Set<String> ROLES = Set.of("admin", "maintain", "write", "triage", "read");

    private final FakeGitHubRepos home;
    private final long id;
    private final String fullName;
    private final long installationId;
    private final String defaultBranchSha;
    private final FakeCommitGraph graph = new FakeCommitGraph();
    private final Map<Integer, FakePullRequest> pulls = new LinkedHashMap<>();
    private final Map<Integer, String> headsBeforePush = new HashMap<>();
    private final FakeRepoActivity activity;
    private final Map<String, String> roles = new HashMap<>();
    private final Map<String, int[]> lines = new HashMap<>();

    FakeRepo(FakeGitHubRepos home, long id, String fullName, long installationId) {
        this.home = home;
        this.id = id;
        this.fullName = fullName;
        this.installationId = installationId;
        this.activity = new FakeRepoActivity(home);
        FakeCommit initial = FakeCommit.by("Covenant Fixtures", "fixtures@example.com", "Initial commit");
        graph.addRoot(initial);
        this.defaultBranchSha = initial.sha();
    }

    public String fullName() {
        return fullName;
    }

    public long id() {
        return id;
    }

    public long installationId() {
        return installationId;
    }

    /** The tip of {@code main}, which every pull request is based on. */
    public String defaultBranchSha() {
        return defaultBranchSha;
    }

    /**
     * Opens (or replaces) pull request {@code number} from branch {@code feature-<number>} into {@code main}, its
     * {@code commits} (oldest first) chained onto the tip of {@code main}.
     */
    public synchronized FakePullRequest openPullRequest(int number, String authorLogin, List<FakeCommit> commits) {
        if (commits.isEmpty()) {
            throw new IllegalArgumentException("a pull request has at least one commit");
        }
        String author = home.directory().requireUser(authorLogin).login();
        String head = graph.chain(defaultBranchSha, commits);
        Instant now = now();
        FakePullRequest pull = new FakePullRequest(number, author, head, defaultBranchSha, "feature-" + number,
                DEFAULT_BRANCH, "open", commits, now, home.nextId(FakeGitHubRepos.Sequence.PULL_REQUEST), now, null,
                null);
        pulls.put(number, pull);
        headsBeforePush.remove(number);
        return pull;
    }

    /** Pushes {@code more} commits onto the pull request's branch; returns the new head sha. */
    public synchronized String push(int number, List<FakeCommit> more) {
        FakePullRequest pull = requirePull(number);
        String head = graph.chain(pull.headSha(), more);
        List<FakeCommit> all = new ArrayList<>(pull.commits());
        all.addAll(more);
        headsBeforePush.put(number, pull.headSha());
        pulls.put(number, new FakePullRequest(number, pull.authorLogin(), head, pull.baseSha(), pull.headRef(),
                pull.baseRef(), pull.state(), all, later(pull.updatedAt()), pull.id(), pull.createdAt(),
                pull.closedAt(), pull.mergedAt()));
        return head;
    }

    /**
     * Replaces the pull request's commits with {@code rewritten}, chained onto its base, as a force push after an
     * amend or a rebase does; returns the new head sha.
     */
    public synchronized String forcePush(int number, List<FakeCommit> rewritten) {
        if (rewritten.isEmpty()) {
            throw new IllegalArgumentException("a pull request has at least one commit");
        }
        FakePullRequest pull = requirePull(number);
        String head = graph.chain(pull.baseSha(), rewritten);
        headsBeforePush.put(number, pull.headSha());
        pulls.put(number, new FakePullRequest(number, pull.authorLogin(), head, pull.baseSha(), pull.headRef(),
                pull.baseRef(), pull.state(), rewritten, later(pull.updatedAt()), pull.id(), pull.createdAt(),
                pull.closedAt(), pull.mergedAt()));
        return head;
    }

    public synchronized void close(int number) {
        FakePullRequest pull = requirePull(number);
        Instant now = later(pull.updatedAt());
        pulls.put(number, new FakePullRequest(number, pull.authorLogin(), pull.headSha(), pull.baseSha(),
                pull.headRef(), pull.baseRef(), "closed", pull.commits(), now, pull.id(), pull.createdAt(), now, null));
    }

    /** Merges the pull request: closed, with {@code merged_at}; its commits stay as they are (a merge commit). */
    public synchronized void merge(int number) {
        FakePullRequest pull = requirePull(number);
        Instant now = later(pull.updatedAt());
        pulls.put(number, new FakePullRequest(number, pull.authorLogin(), pull.headSha(), pull.baseSha(),
                pull.headRef(), pull.baseRef(), "closed", pull.commits(), now, pull.id(), pull.createdAt(), now, now));
    }

    /** The lines a commit adds and deletes, as {@code GET /commits/{sha}} reports them in {@code stats}. */
    public synchronized void setLines(String sha, int additions, int deletions) {
        lines.put(sha, new int[] {additions, deletions});
    }

    /** {additions, deletions} of a commit: one line added unless {@link #setLines} said otherwise. */
    synchronized int[] lines(String sha) {
        return lines.getOrDefault(sha, new int[] {1, 0}).clone();
    }

    /** The pull request, or null. */
    public synchronized FakePullRequest pullRequest(int number) {
        return pulls.get(number);
    }

    /** Every check run created on the repository, oldest first. */
    public List<FakeCheckRun> checkRuns() {
        return activity.checkRuns();
    }

    public List<FakeCheckRun> checkRuns(String headSha) {
        return activity.checkRuns().stream().filter(run -> run.headSha().equals(headSha)).toList();
    }

    /** The comments on pull request {@code number}, oldest first. */
    public List<FakeComment> comments(int number) {
        return activity.comments(number).stream().map(FakeRepoActivity.StoredComment::comment).toList();
    }

    /** The statuses set on a commit, oldest first. */
    public List<FakeStatus> statuses(String sha) {
        return activity.statuses(sha).stream().map(FakeRepoActivity.StoredStatus::status).toList();
    }

    /**
     * Records a merge queue's temporary branch: {@code commits} (oldest first) on top of {@code baseSha}. Returns its
     * head sha, so that a compare from {@code baseSha} lists exactly these commits.
     */
    public synchronized String mergeGroup(String baseSha, List<FakeCommit> commits) {
        if (commits.isEmpty()) {
            throw new IllegalArgumentException("a merge group has at least one commit");
        }
        return graph.chain(baseSha, commits);
    }

    /**
     * Makes {@code login} a collaborator with one of GitHub's repository roles: "admin", "maintain", "write", "triage"
     * or "read"; null removes them.
     */
    public synchronized void setPermission(String login, String roleName) {
        String key = home.directory().requireUser(login).login().toLowerCase(Locale.ROOT);
        if (roleName == null) {
            roles.remove(key);
        } else if (ROLES.contains(roleName)) {
            roles.put(key, roleName);
        } else {
            throw new IllegalArgumentException("GitHub's repository roles are " + ROLES + ", not " + roleName);
        }
    }

    // ---- for the routes and the webhooks ----

    FakeGitHubRepos home() {
        return home;
    }

    String ownerLogin() {
        return fullName.substring(0, fullName.indexOf('/'));
    }

    String name() {
        return fullName.substring(fullName.indexOf('/') + 1);
    }

    synchronized List<FakePullRequest> pullRequests() {
        return List.copyOf(pulls.values());
    }

    /** The head before the last push, for a "synchronize" event's {@code before}; null if never pushed to. */
    synchronized String headBeforePush(int number) {
        return headsBeforePush.get(number);
    }

    synchronized List<FakePullRequest> openPullRequestsAt(String headSha) {
        return pulls.values().stream().filter(p -> p.isOpen() && p.headSha().equals(headSha)).toList();
    }

    synchronized FakeCommitGraph.Node commit(String sha) {
        return graph.node(sha);
    }

    /** A sha (or prefix of one), {@code main}, or a pull request's head branch, as the full sha; else null. */
    synchronized String resolve(String ref) {
        if (ref.equals(DEFAULT_BRANCH) || ref.equals("refs/heads/" + DEFAULT_BRANCH)) {
            return defaultBranchSha;
        }
        for (FakePullRequest pull : pulls.values()) {
            if (ref.equals(pull.headRef()) || ref.equals("refs/heads/" + pull.headRef())) {
                return pull.headSha();
            }
        }
        return graph.resolve(ref);
    }

    synchronized List<FakeCommitGraph.Node> between(String base, String head) {
        return graph.between(base, head);
    }

    synchronized String mergeBase(String base, String head) {
        return graph.mergeBase(base, head);
    }

    FakeRepoActivity activity() {
        return activity;
    }

    /** The collaborator's role, or null for someone who is not one. */
    synchronized String role(String login) {
        return roles.get(login.toLowerCase(Locale.ROOT));
    }

    private FakePullRequest requirePull(int number) {
        FakePullRequest pull = pulls.get(number);
        if (pull == null) {
            throw new IllegalArgumentException(fullName + " has no pull request #" + number);
        }
        return pull;
    }

    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    /** Now, but at least a second after {@code before}, so that a change always moves {@code updated_at}. */
    static Instant later(Instant before) {
        Instant now = now();
        return now.isAfter(before) ? now : before.plusSeconds(1);
    }
}
