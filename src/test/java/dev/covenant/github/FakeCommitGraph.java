package dev.covenant.github;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The commits of one {@link FakeRepo} and their parents, enough to answer what git answers for GitHub: which commits
 * one ref has that another lacks, and where they meet. Histories are linear (the fake makes no merge commits), so
 * every commit but the root has exactly one parent. Not thread-safe; the repository guards it.
 */
final class FakeCommitGraph {

    /** A commit in its place in history; {@code parent} is null for the root. */
    record Node(FakeCommit commit, String parent) {

        String sha() {
            return commit.sha();
        }

        List<String> parents() {
            return parent == null ? List.of() : List.of(parent);
        }
    }

    private final Map<String, Node> nodes = new HashMap<>();

    void addRoot(FakeCommit commit) {
        nodes.put(commit.sha(), new Node(commit, null));
    }

    /**
     * Adds {@code commits} chained on top of {@code base}, oldest first, and returns the new tip. A sha already known
     * is accepted only on the same parent, since a git object id names its history too.
     */
    String chain(String base, List<FakeCommit> commits) {
        if (!nodes.containsKey(base)) {
            throw new IllegalArgumentException("unknown base commit " + base);
        }
        String parent = base;
        for (FakeCommit commit : commits) {
            Node node = new Node(commit, parent);
            Node known = nodes.putIfAbsent(commit.sha(), node);
            if (known != null && !known.equals(node)) {
                throw new IllegalArgumentException("commit " + commit.sha() + " is already in the repository on "
                        + known.parent() + "; give each fake commit its own sha");
            }
            parent = commit.sha();
        }
        return parent;
    }

    Node node(String sha) {
        return nodes.get(sha);
    }

    /** The full sha for a full sha or an unambiguous prefix of at least seven digits, as git accepts; else null. */
    String resolve(String shaOrPrefix) {
        if (nodes.containsKey(shaOrPrefix)) {
            return shaOrPrefix;
        }
        if (shaOrPrefix.length() < 7 || !shaOrPrefix.matches("[0-9a-f]+")) {
            return null;
        }
        List<String> matches = nodes.keySet().stream().filter(sha -> sha.startsWith(shaOrPrefix)).limit(2).toList();
        return matches.size() == 1 ? matches.get(0) : null;
    }

    /** Like {@code git log base..head}, but oldest first as GitHub's compare lists them. */
    List<Node> between(String base, String head) {
        Set<String> excluded = history(base);
        List<Node> newestFirst = new ArrayList<>();
        for (Node node = nodes.get(head); node != null && !excluded.contains(node.sha()); node = parentOf(node)) {
            newestFirst.add(node);
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    /** The nearest commit both can reach, or null when their histories never meet. */
    String mergeBase(String base, String head) {
        Set<String> fromBase = history(base);
        for (Node node = nodes.get(head); node != null; node = parentOf(node)) {
            if (fromBase.contains(node.sha())) {
                return node.sha();
            }
        }
        return null;
    }

    private Set<String> history(String from) {
        Set<String> shas = new HashSet<>();
        for (Node node = nodes.get(from); node != null; node = parentOf(node)) {
            shas.add(node.sha());
        }
        return shas;
    }

    private Node parentOf(Node node) {
        return node.parent() == null ? null : nodes.get(node.parent());
    }
}
