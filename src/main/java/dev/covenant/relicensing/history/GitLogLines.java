package dev.covenant.relicensing.history;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import dev.covenant.identity.GitIdent;

/**
 * The single lines of {@code git log --pretty=fuller --numstat} output, each read on its own; null when a line is
 * not what its name says. {@link GitLogParser} decides which line may come where.
 */
final class GitLogLines {

    private static final String COMMIT = "commit ";

    private GitLogLines() {
    }

    /**
     * {@code commit <sha>}, followed by the parents' shas when {@code --parents} was given (none for a root), and
     * possibly by what {@code --decorate} (or {@code log.decorate}) adds: {@code " (HEAD -> main, tag: v1)"}. The
     * commit's sha first, then its parents'; null when the line is not one.
     */
    static List<String> commit(String line) {
        if (!line.startsWith(COMMIT)) {
            return null;
        }
        String rest = line.substring(COMMIT.length());
        int decoration = rest.indexOf(" (");
        if (decoration >= 0) {
            if (!rest.endsWith(")")) {
                return null;
            }
            rest = rest.substring(0, decoration);
        }
        List<String> shas = words(rest.strip());
        for (String sha : shas) {
            if ((sha.length() != 40 && sha.length() != 64) || !isHex(sha)) {
                return null;
            }
        }
        return List.copyOf(shas);
    }

    /** {@code Merge: 1a2b3c4 5d6e7f8}: two or more abbreviated parents. */
    static List<String> mergeParents(String line) {
        List<String> parents = words(line.substring("Merge:".length()).strip());
        if (parents.size() < 2) {
            return null;
        }
        for (String parent : parents) {
            if (parent.length() < 4 || parent.length() > 64 || !isHex(parent)) {
                return null;
            }
        }
        return List.copyOf(parents);
    }

    /**
     * The parts of {@code text} between runs of spaces, as {@code text.split(" +")} gives them for a stripped text
     * ({@code [""]} for an empty one), without compiling that pattern for every line: a cold service spends most of a
     * first import's reading in such code.
     */
    static List<String> words(String text) {
        List<String> words = new ArrayList<>(3);
        int at = 0;
        while (at < text.length()) {
            int end = text.indexOf(' ', at);
            if (end < 0) {
                end = text.length();
            }
            words.add(text.substring(at, end));
            at = end;
            while (at < text.length() && text.charAt(at) == ' ') {
                at++;
            }
        }
        if (words.isEmpty()) {
            words.add("");
        }
        return words;
    }

    /** {@code Author:     Name <email>}; git pads the key, and either part may be empty. */
    static GitIdent ident(String line, String key) {
        if (line == null || !line.startsWith(key) || !line.endsWith(">")) {
            return null;
        }
        String value = line.substring(key.length());
        int open = value.lastIndexOf('<');
        if (open < 0 || (open > 0 && value.charAt(0) != ' ')) {
            return null;
        }
        return new GitIdent(value.substring(0, open).strip(), value.substring(open + 1, value.length() - 1));
    }

    /** {@code AuthorDate: Thu Apr 7 15:13:13 2005 -0700}. */
    static OffsetDateTime date(String line, String key) {
        if (line == null || !line.startsWith(key)) {
            return null;
        }
        return GitDates.parse(line.substring(key.length()).strip());
    }

    /** {@code added<TAB>deleted<TAB>path}, or {@code -<TAB>-<TAB>path} for a binary file. */
    static FileChange numstat(String line) {
        int firstTab = line.indexOf('\t');
        int secondTab = firstTab < 0 ? -1 : line.indexOf('\t', firstTab + 1);
        if (secondTab < 0) {
            return null;
        }
        String path = QuotedPath.unquote(line.substring(secondTab + 1));
        if (path == null || path.isEmpty()) {
            return null;
        }
        String added = line.substring(0, firstTab);
        String deleted = line.substring(firstTab + 1, secondTab);
        if (added.equals("-") && deleted.equals("-")) {
            return FileChange.binary(path);
        }
        int a = count(added);
        int d = count(deleted);
        return a < 0 || d < 0 ? null : FileChange.text(path, a, d);
    }

    /** A line count in digits, or -1. */
    private static int count(String digits) {
        if (digits.isEmpty() || digits.length() > 9) {
            return -1;
        }
        for (int i = 0; i < digits.length(); i++) {
            char c = digits.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
        }
        return Integer.parseInt(digits);
    }

    private static boolean isHex(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return !s.isEmpty();
    }
}
