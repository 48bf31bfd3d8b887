package dev.covenant.agreement;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Ranks SPDX ids by how likely a person who typed something else meant them.
 *
 * <p>Edit distance alone catches typos ({@code Aparche-2.0}) but fails on the usual shorthand
 * ({@code GPL2}, {@code BSD3}, {@code GPLv3}): those are far from the real ids in letters yet share
 * their leading words and numbers. So a candidate whose words start with the query's words ranks
 * above any typo match, shorter such candidates first. Among equals the shorter id, then the later
 * version comes first
 * ({@code Apache} suggests {@code Apache-2.0} before {@code Apache-1.0}), as that is what new
 * projects pick. Candidates too far from the query to be a typo of it are not suggested at all.
 */
final class IdSuggester {

    private static final double NO_MATCH = Double.MAX_VALUE;

    private IdSuggester() {
    }

    /**
     * @param successors the current ids that replace a deprecated id; people who type an old
     *     spelling are better served by the id they should use now
     */
    static List<String> closest(String query, List<String> ids, Predicate<String> deprecated,
            Function<String, List<String>> successors, int n) {
        if (n <= 0 || query == null || query.isBlank()) {
            return List.of();
        }
        String lowerQuery = query.strip().toLowerCase(Locale.ROOT);
        List<String> queryWords = words(lowerQuery);
        record Scored(String id, double score, boolean deprecated) {
        }
        List<Scored> ranked = ids.stream()
                .map(id -> new Scored(id, score(lowerQuery, queryWords, id), deprecated.test(id)))
                .sorted(Comparator.comparingDouble(Scored::score)
                        .thenComparing(Scored::deprecated)
                        .thenComparingInt(s -> s.id().length())
                        .thenComparing(s -> s.id().toLowerCase(Locale.ROOT), Comparator.reverseOrder()))
                .filter(s -> s.score() <= maxDistance(lowerQuery))
                .toList();
        Set<String> result = new LinkedHashSet<>();
        for (Scored candidate : ranked) {
            if (result.size() >= n) {
                break;
            }
            List<String> replacements = candidate.deprecated() ? successors.apply(candidate.id()) : List.of();
            if (replacements.isEmpty()) {
                result.add(candidate.id());
            } else {
                replacements.stream().limit(n - result.size()).forEach(result::add);
            }
        }
        return new ArrayList<>(result).subList(0, Math.min(n, result.size()));
    }

    private static double maxDistance(String lowerQuery) {
        return Math.max(2, lowerQuery.length() / 2);
    }

    private static double score(String lowerQuery, List<String> queryWords, String id) {
        String lowerId = id.toLowerCase(Locale.ROOT);
        return Math.min(levenshtein(lowerQuery, lowerId), wordPrefixScore(queryWords, words(lowerId)));
    }

    private static double wordPrefixScore(List<String> queryWords, List<String> idWords) {
        if (queryWords.isEmpty() || queryWords.size() > idWords.size()) {
            return NO_MATCH;
        }
        int last = queryWords.size() - 1;
        for (int i = 0; i < last; i++) {
            if (!queryWords.get(i).equals(idWords.get(i))) {
                return NO_MATCH;
            }
        }
        if (!idWords.get(last).startsWith(queryWords.get(last))) {
            return NO_MATCH;
        }
        int extraWords = idWords.size() - queryWords.size();
        return 0.5 + 0.05 * Math.min(extraWords, 9);
    }

    /** Splits on punctuation and between letters and digits; "v" before a number means version. */
    static List<String> words(String lower) {
        List<String> words = new ArrayList<>();
        for (String part : lower.replaceAll("v(?=[0-9])", " ").split("[^a-z0-9]+")) {
            for (String word : part.split("(?<=[a-z])(?=[0-9])|(?<=[0-9])(?=[a-z])")) {
                if (!word.isEmpty()) {
                    words.add(word);
                }
            }
        }
        return words;
    }

    static int levenshtein(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        Arrays.setAll(previous, j -> j);
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
