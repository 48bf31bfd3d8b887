package dev.covenant.agreement;

import java.util.List;
import java.util.stream.Collectors;

/** Phrasing shared by the sentences that verdicts and policies show to people. */
final class Reasons {

    private Reasons() {
    }

    /** "A", "A or B", "A, B or C": a list read as a choice. */
    static String alternatives(List<?> items) {
        List<String> words = items.stream().map(String::valueOf).toList();
        if (words.size() <= 1) {
            return words.isEmpty() ? "no license" : words.get(0);
        }
        return words.subList(0, words.size() - 1).stream().collect(Collectors.joining(", "))
                + " or " + words.get(words.size() - 1);
    }
}
