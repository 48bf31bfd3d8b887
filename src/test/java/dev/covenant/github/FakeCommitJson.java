package dev.covenant.github;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Commits as the pull request commits and compare endpoints serve them. Like GitHub, the top-level {@code author}
 * and {@code committer} name the account an address belongs to: a verified address of a fake account, one of its
 * no-reply addresses ({@code ID+login@users.noreply.github.com}, matched by id, or the older
 * {@code login@users.noreply.github.com}), or GitHub's own {@code noreply@github.com}, which is web-flow. Any other
 * address leaves them null.
 */
final class FakeCommitJson {

    private static final Pattern NO_REPLY = Pattern.compile(
            "(?:(\\d+)\\+)?([a-z0-9-]+)@users\\.noreply\\.github\\.com", Pattern.CASE_INSENSITIVE);

    private final FakeGitHubRepos home;

    FakeCommitJson(FakeGitHubRepos home) {
        this.home = home;
    }

    Map<String, Object> commit(FakeRepo repo, FakeCommitGraph.Node node) {
        FakeRepoJson json = home.json();
        FakeCommit commit = node.commit();
        String api = json.api(repo);
        String gitApi = api + "/git/commits/" + commit.sha();
        Map<String, Object> inner = new LinkedHashMap<>();
        inner.put("author", gitActor(commit.authorName(), commit.authorEmail(), commit));
        inner.put("committer", gitActor(commit.committerName(), commit.committerEmail(), commit));
        inner.put("message", commit.message());
        inner.put("tree", Map.of("sha", treeSha(commit.sha()), "url", api + "/git/trees/" + treeSha(commit.sha())));
        inner.put("url", gitApi);
        inner.put("comment_count", 0);
        Map<String, Object> verification = new LinkedHashMap<>();
        verification.put("verified", false);
        verification.put("reason", "unsigned");
        verification.put("signature", null);
        verification.put("payload", null);
        verification.put("verified_at", null);
        inner.put("verification", verification);

        Map<String, Object> out = new LinkedHashMap<>();
        out.put("sha", commit.sha());
        out.put("node_id", Base64.getEncoder().encodeToString(("06:Commit" + repo.id() + ":" + commit.sha())
                .getBytes(StandardCharsets.UTF_8)));
        out.put("commit", inner);
        out.put("url", api + "/commits/" + commit.sha());
        out.put("html_url", json.html(repo) + "/commit/" + commit.sha());
        out.put("comments_url", api + "/commits/" + commit.sha() + "/comments");
        out.put("author", linkedAccount(commit.authorEmail()));
        out.put("committer", linkedAccount(commit.committerEmail()));
        out.put("parents", node.parents().stream().map(parent -> Map.of("sha", parent,
                "url", api + "/commits/" + parent, "html_url", json.html(repo) + "/commit/" + parent)).toList());
        return out;
    }

    List<Map<String, Object>> commits(FakeRepo repo, List<FakeCommitGraph.Node> nodes) {
        return nodes.stream().map(node -> commit(repo, node)).toList();
    }

    /** The account GitHub links an address to, as a simple user, or null. */
    Map<String, Object> linkedAccount(String email) {
        String address = email.strip();
        if (address.equalsIgnoreCase(FakeCommit.WEB_FLOW_EMAIL)) {
            return home.json().webFlow();
        }
        Matcher noReply = NO_REPLY.matcher(address);
        FakeGitHubUser user;
        if (noReply.matches()) {
            user = noReply.group(1) != null
                    ? home.directory().userWithId(Long.parseLong(noReply.group(1)))
                    : home.directory().user(noReply.group(2));
        } else {
            user = home.directory().userWithVerifiedEmail(address);
        }
        return user == null ? null : home.json().simple(user);
    }

    private static Map<String, Object> gitActor(String name, String email, FakeCommit commit) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("name", name);
        json.put("email", email);
        json.put("date", commit.date().toString());
        return json;
    }

    /** A stable stand-in for the commit's tree. */
    static String treeSha(String commitSha) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-1")
                    .digest(("tree " + commitSha).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-1", e);
        }
    }
}
