package dev.covenant.identity;

import java.util.ArrayList;
import java.util.List;

/**
 * The trailers of a commit message as {@code git interpret-trailers --parse} reads them: only the message's last
 * paragraph, and only when every line of it is a trailer ({@code Token: value}) or the continuation of one (an
 * indented line), or when a quarter of it is and one line is what git itself writes ({@code Signed-off-by: },
 * {@code (cherry picked from commit }). The message ends before a {@code ---} line (a patch), and trailing comment
 * ({@code #}) and blank lines are not part of it; the first paragraph is the subject, never trailers.
 */
public final class Trailers {

    /** One trailer: its token as written and its value, continuation lines joined by a space. */
    public record Trailer(String token, String value) {
    }

    private static final String[] GIT_PREFIXES = {"Signed-off-by: ", "(cherry picked from commit "};

    private Trailers() {
    }

    public static List<Trailer> parse(String message) {
        if (message == null || message.isEmpty()) {
            return List.of();
        }
        List<String> lines = lines(message);
        int end = endOfMessage(lines);
        int titleEnd = 0;
        while (titleEnd < end && (isComment(lines.get(titleEnd)) || !isBlank(lines.get(titleEnd)))) {
            titleEnd++;
        }
        int start = blockStart(lines, titleEnd, end);
        List<Trailer> trailers = new ArrayList<>();
        String token = null;
        StringBuilder value = null;
        for (int i = start; i < end; i++) {
            String line = lines.get(i);
            if (isComment(line)) {
                continue;
            }
            if (token != null && !line.isEmpty() && Character.isWhitespace(line.charAt(0))) {
                value.append(' ').append(line.strip());
                continue;
            }
            if (token != null) {
                trailers.add(new Trailer(token, value.toString().strip()));
                token = null;
            }
            int separator = separator(line);
            if (separator >= 1 && !Character.isWhitespace(line.charAt(0))) {
                token = line.substring(0, separator).strip();
                value = new StringBuilder(line.substring(separator + 1).strip());
            }
        }
        if (token != null) {
            trailers.add(new Trailer(token, value.toString().strip()));
        }
        return trailers;
    }

    /**
     * The lines of {@code message}, each without its {@code \n} or {@code \r\n}, the empty one after a last line
     * break included: what splitting at {@code \r?\n} gives, without a regular expression per commit of a history.
     */
    static List<String> lines(String message) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int end = message.indexOf('\n'); end >= 0; end = message.indexOf('\n', start)) {
            lines.add(message.substring(start, end > start && message.charAt(end - 1) == '\r' ? end - 1 : end));
            start = end + 1;
        }
        lines.add(message.substring(start));
        return lines;
    }

    /** The index of the first line of the trailer block, or {@code end} when the message has none. */
    private static int blockStart(List<String> lines, int titleEnd, int end) {
        boolean onlySpaces = true;
        boolean recognized = false;
        int trailerLines = 0, nonTrailerLines = 0, continuations = 0;
        for (int i = end - 1; i >= titleEnd; i--) {
            String line = lines.get(i);
            if (isComment(line)) {
                nonTrailerLines += continuations;
                continuations = 0;
                continue;
            }
            if (isBlank(line)) {
                if (onlySpaces) {
                    continue;
                }
                nonTrailerLines += continuations;
                if (recognized && trailerLines * 3 >= nonTrailerLines) {
                    return i + 1;
                }
                return trailerLines > 0 && nonTrailerLines == 0 ? i + 1 : end;
            }
            onlySpaces = false;
            if (gitWritten(line)) {
                trailerLines++;
                continuations = 0;
                recognized = true;
                continue;
            }
            if (separator(line) >= 1 && !Character.isWhitespace(line.charAt(0))) {
                trailerLines++;
                continuations = 0;
            } else if (Character.isWhitespace(line.charAt(0))) {
                continuations++;
            } else {
                nonTrailerLines += 1 + continuations;
                continuations = 0;
            }
        }
        return end;
    }

    /** Where the message ends: before a {@code ---} line, and before its trailing comment and blank lines. */
    private static int endOfMessage(List<String> lines) {
        int end = lines.size();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("---") && line.length() > 3 && Character.isWhitespace(line.charAt(3))
                    || line.equals("---") && i < lines.size() - 1) {
                end = i;
                break;
            }
        }
        int run = -1;
        boolean conflicts = false;
        for (int i = 0; i < end; i++) {
            String line = lines.get(i);
            if (isComment(line) || line.isEmpty()) {
                run = run < 0 ? i : run;
            } else if (line.equals("Conflicts:")) {
                conflicts = true;
                run = run < 0 ? i : run;
            } else if (!(conflicts && line.startsWith("\t")) && run >= 0) {
                run = -1;
                conflicts = false;
            }
        }
        return run >= 0 ? run : end;
    }

    /** git's find_separator: the colon after a token of letters, digits and '-', maybe followed by blanks. */
    private static int separator(String line) {
        boolean whitespace = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == ':') {
                return i;
            }
            if (!whitespace && (Character.isLetterOrDigit(c) && c < 128 || c == '-')) {
                continue;
            }
            if (i != 0 && (c == ' ' || c == '\t')) {
                whitespace = true;
                continue;
            }
            break;
        }
        return -1;
    }

    private static boolean gitWritten(String line) {
        for (String prefix : GIT_PREFIXES) {
            if (line.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isComment(String line) {
        return line.startsWith("#");
    }

    private static boolean isBlank(String line) {
        return line.isBlank();
    }
}
