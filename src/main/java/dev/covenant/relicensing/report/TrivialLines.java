package dev.covenant.relicensing.report;

import dev.covenant.api.InvalidInputException;

/**
 * {@code ?trivialLines=N}: commits that add at most N lines are reported apart as {@code TRIVIAL}, which clears, so
 * that the choice to leave them out is visible and undone by asking without it.
 */
final class TrivialLines {

    static final int MAX = 1000;

    private TrivialLines() {
    }

    /** N, or null when not asked; a {@code 400} naming {@code trivialLines} when not an integer from 0 to 1000. */
    static Integer parse(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            int n = Integer.parseInt(text.strip());
            if (n >= 0 && n <= MAX) {
                return n;
            }
        } catch (NumberFormatException e) {
            // answered below
        }
        throw InvalidInputException.of("trivialLines", "is the most lines a commit may add to be left out as"
                + " trivial: an integer from 0 to " + MAX);
    }
}
