package dev.covenant.relicensing.blame;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.covenant.relicensing.history.GitRepo;

/**
 * What git itself says survives at a revision: {@code git blame -w -M --line-porcelain} of every text file (binary
 * ones as {@code git diff --numstat} against the empty tree marks them, {@code -\t-}), lines that are empty or
 * whitespace only left out, each line credited to its author (after .mailmap) and its commit's
 * {@code Co-authored-by:} trailers. Per path: {@code "author|co1,co2"} → lines; and in {@link #datedByPath} the
 * same split by the author date of the commit that wrote them, {@code "author|co1,co2@epochSeconds"} → lines.
 */
final class BlameExpectations {

    private static final String EMPTY_TREE = "4b825dc642cb6eb9a060e54bf8d69288fbee4904";
    private static final Pattern TRAILER = Pattern.compile("<([^>]+)>");

    final Map<String, Map<String, Long>> byPath = new TreeMap<>();
    final Map<String, Map<String, Long>> datedByPath = new TreeMap<>();
    final Set<String> binary = new HashSet<>();
    final Set<String> files = new HashSet<>();
    private final Map<String, List<String>> coAuthors = new HashMap<>();
    private final GitRepo repo;

    BlameExpectations(GitRepo repo, String revision) {
        this.repo = repo;
        for (String line : repo.git("ls-tree", "-r", revision).split("\n")) {
            if (line.startsWith("100644 blob ") || line.startsWith("100755 blob ")) {
                files.add(line.substring(line.indexOf('\t') + 1));
            }
        }
        for (String line : repo.git("diff", "--numstat", EMPTY_TREE, revision).split("\n")) {
            if (line.startsWith("-\t-\t")) {
                binary.add(line.substring(4));
            }
        }
        for (String path : files) {
            if (!binary.contains(path)) {
                blame(revision, path);
            }
        }
    }

    long total() {
        return byPath.values().stream().flatMap(m -> m.values().stream()).mapToLong(Long::longValue).sum();
    }

    static String key(String author, List<String> coAuthors) {
        return author + "|" + String.join(",", coAuthors);
    }

    static String datedKey(String author, List<String> coAuthors, long authorTime) {
        return key(author, coAuthors) + "@" + authorTime;
    }

    private void blame(String revision, String path) {
        Map<String, Long> lines = new TreeMap<>();
        Map<String, Long> dated = new TreeMap<>();
        String sha = null;
        String author = null;
        long time = 0;
        for (String line : repo.git("blame", "-w", "-M", "--line-porcelain", revision, "--", path).split("\n", -1)) {
            if (line.matches("[0-9a-f]{40} \\d+ \\d+( \\d+)?")) {
                sha = line.substring(0, 40);
            } else if (line.startsWith("author-mail <")) {
                author = line.substring(13, line.length() - 1).toLowerCase(Locale.ROOT);
            } else if (line.startsWith("author-time ")) {
                time = Long.parseLong(line.substring(12));
            } else if (line.startsWith("\t")) {
                if (!line.substring(1).isBlank()) {
                    lines.merge(key(author, coAuthorsOf(sha, author)), 1L, Long::sum);
                    dated.merge(datedKey(author, coAuthorsOf(sha, author), time), 1L, Long::sum);
                }
            }
        }
        byPath.put(path, lines);
        datedByPath.put(path, dated);
    }

    private List<String> coAuthorsOf(String sha, String author) {
        return coAuthors.computeIfAbsent(sha, s -> {
            String trailers = repo.git("log", "-1", "--format=%(trailers:key=Co-authored-by,valueonly,separator=%x09)",
                    s);
            Set<String> emails = new java.util.TreeSet<>();
            Matcher m = TRAILER.matcher(trailers);
            while (m.find()) {
                emails.add(m.group(1).toLowerCase(Locale.ROOT));
            }
            emails.remove(author);
            return List.copyOf(emails);
        });
    }
}
