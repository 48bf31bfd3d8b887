package dev.covenant.demo;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * What the stand-in for GitHub remembers, in memory: sign-in codes and tokens, the demo pull requests, and the check
 * runs and comments the service wrote. A restart forgets them (the service's own records stay in PostgreSQL); the
 * demo runs on one instance.
 */
@ApplicationScoped
public class DemoGitHub {

    /** The demo organisation, its repository, and the App's installation on it. */
    public static final String OWNER = "demo";
    public static final String REPOSITORY = "demo/widget";
    static final long OWNER_ID = 10;
    static final long REPOSITORY_ID = 11;
    static final long INSTALLATION_ID = 12;

    /** A demo pull request: its commits are the webhook's and the API's. */
    public record PullRequest(int number, String author, List<String> coAuthors, String headSha, String baseSha,
            Instant createdAt, List<Commit> commits) {
    }

    /** One commit of a demo pull request, by {@code author}, with a Co-authored-by trailer per co-author. */
    public record Commit(String sha, String author, String message, Instant date) {
    }

    /** A check run as the service last wrote it. */
    public record CheckRun(long id, String headSha, String name, String externalId, String status, String conclusion,
            String title, String summary) {
    }

    /** A pull request comment as the service last wrote it. */
    public record Comment(long id, int number, String body) {
    }

    private final SecureRandom random = new SecureRandom();
    private final AtomicLong ids = new AtomicLong(1_000);
    private final AtomicInteger numbers = new AtomicInteger();
    private final Map<String, String> codes = new ConcurrentHashMap<>();
    private final Map<String, String> userTokens = new ConcurrentHashMap<>();
    private final Map<String, Instant> installationTokens = new ConcurrentHashMap<>();
    private final Map<Integer, PullRequest> pullRequests = new ConcurrentHashMap<>();
    private final Map<Long, CheckRun> checkRuns = new ConcurrentHashMap<>();
    private final Map<Long, Comment> comments = new ConcurrentHashMap<>();

    // ---- sign-in ----

    /** A one-time code for the OAuth callback, standing for {@code login}. */
    public String codeFor(String login) {
        String code = token("demo_code_");
        codes.put(code, login);
        return code;
    }

    /** The access token for a code, once; empty for an unknown or spent code. */
    Optional<String> exchange(String code) {
        String login = code == null ? null : codes.remove(code);
        if (login == null) {
            return Optional.empty();
        }
        String token = token("gho_demo_");
        userTokens.put(token, login);
        return Optional.of(token);
    }

    Optional<String> loginOf(String userToken) {
        return Optional.ofNullable(userToken == null ? null : userTokens.get(userToken));
    }

    String installationToken(Instant expiresAt) {
        String token = token("ghs_demo_");
        installationTokens.put(token, expiresAt);
        return token;
    }

    boolean installationTokenValid(String token, Instant now) {
        Instant expiresAt = token == null ? null : installationTokens.get(token);
        return expiresAt != null && expiresAt.isAfter(now);
    }

    // ---- pull requests ----

    /** Records a new pull request with one commit by {@code author}; it is not yet announced. */
    public PullRequest open(String author, List<String> coAuthors, Instant now) {
        int number = numbers.incrementAndGet();
        StringBuilder message = new StringBuilder("Demo change number ").append(number).append("\n");
        if (!coAuthors.isEmpty()) {
            message.append('\n');
            coAuthors.forEach(c -> message.append("Co-authored-by: ").append(c).append(" <")
                    .append(DemoPeople.email(c)).append(">\n"));
        }
        Commit commit = new Commit(sha(), author, message.toString(), now);
        PullRequest pr = new PullRequest(number, author, List.copyOf(coAuthors), commit.sha(), sha(), now,
                List.of(commit));
        pullRequests.put(number, pr);
        return pr;
    }

    public Optional<PullRequest> pullRequest(int number) {
        return Optional.ofNullable(pullRequests.get(number));
    }

    List<PullRequest> pullRequests() {
        return pullRequests.values().stream().sorted(Comparator.comparingInt(PullRequest::number).reversed())
                .toList();
    }

    /** The pull requests, newest first. */
    public List<PullRequest> newestFirst() {
        return pullRequests();
    }

    // ---- check runs and comments ----

    CheckRun createCheckRun(String headSha, String name, String externalId, String status, String conclusion,
            String title, String summary) {
        CheckRun run = new CheckRun(ids.incrementAndGet(), headSha, name, externalId, status, conclusion, title,
                summary);
        checkRuns.put(run.id(), run);
        return run;
    }

    Optional<CheckRun> checkRun(long id) {
        return Optional.ofNullable(checkRuns.get(id));
    }

    void updateCheckRun(CheckRun run) {
        checkRuns.put(run.id(), run);
    }

    List<CheckRun> checkRuns(String headSha) {
        return checkRuns.values().stream().filter(r -> r.headSha().equals(headSha))
                .sorted(Comparator.comparingLong(CheckRun::id)).toList();
    }

    /** The newest check run on the pull request's head, as GitHub shows it on the pull request. */
    public Optional<CheckRun> latestCheck(PullRequest pr) {
        List<CheckRun> runs = checkRuns(pr.headSha());
        return runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
    }

    Comment comment(int number, String body) {
        Comment comment = new Comment(ids.incrementAndGet(), number, body);
        comments.put(comment.id(), comment);
        return comment;
    }

    Optional<Comment> editComment(long id, String body) {
        return Optional.ofNullable(comments.computeIfPresent(id, (k, c) -> new Comment(c.id(), c.number(), body)));
    }

    List<Comment> comments(int number) {
        List<Comment> list = new ArrayList<>(comments.values().stream().filter(c -> c.number() == number).toList());
        list.sort(Comparator.comparingLong(Comment::id));
        return list;
    }

    /** The service's comment on the pull request (the first; it edits that one in place). */
    public Optional<Comment> latestComment(int number) {
        return comments(number).stream().findFirst();
    }

    private String sha() {
        byte[] bytes = new byte[20];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private String token(String prefix) {
        byte[] bytes = new byte[18];
        random.nextBytes(bytes);
        return prefix + HexFormat.of().formatHex(bytes);
    }
}
