package dev.covenant.relicensing.history;

/**
 * A history whose text does not follow {@code git log}'s format. The message names the line (1-based), what was
 * expected there, and what came instead, shortened; {@link #line()} is null when the input ended too early.
 */
public final class GitLogFormatException extends RuntimeException {

    public static final int MAX_SHOWN = 200;

    private final long lineNumber;
    private final String line;

    GitLogFormatException(long lineNumber, String line, String expected) {
        super("line " + lineNumber + ": " + expected + ", got: " + shown(line));
        this.lineNumber = lineNumber;
        this.line = line == null ? null : shorten(line);
    }

    public long lineNumber() {
        return lineNumber;
    }

    /** The offending line, shortened to about {@value #MAX_SHOWN} characters; null at the end of the input. */
    public String line() {
        return line;
    }

    private static String shown(String line) {
        return line == null ? "the end of the input" : "'" + shorten(line) + "'";
    }

    public static String shorten(String line) {
        return line.length() <= MAX_SHOWN ? line : line.substring(0, MAX_SHOWN) + "…";
    }
}
