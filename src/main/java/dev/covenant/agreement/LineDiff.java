package dev.covenant.agreement;

import java.util.ArrayList;
import java.util.List;

/**
 * What changed from one text to the next, line by line: the longest common subsequence of their lines is kept, the
 * rest of the earlier text removed and of the later one added. Pure; the page escapes the lines it shows.
 */
public final class LineDiff {

    /** Beyond this many cells of the table the middle is shown as removed, then added, rather than compared. */
    static final long MAX_CELLS = 4_000_000;

    public enum Change {
        SAME, REMOVED, ADDED
    }

    /** One line of the diff, with its number in the earlier and in the later text (0 where it has none). */
    public record Line(Change change, String text, int before, int after) {

        public boolean removed() {
            return change == Change.REMOVED;
        }

        public boolean added() {
            return change == Change.ADDED;
        }

        /** The gutter sign: a space, a minus or a plus. */
        public String sign() {
            return switch (change) {
                case SAME -> " ";
                case REMOVED -> "-";
                case ADDED -> "+";
            };
        }
    }

    private LineDiff() {
    }

    public static List<Line> of(String before, String after) {
        return of(lines(before), lines(after));
    }

    /** Whether anything changed. */
    public static boolean changed(List<Line> diff) {
        return diff.stream().anyMatch(l -> l.change() != Change.SAME);
    }

    static List<Line> of(List<String> a, List<String> b) {
        int start = 0;
        while (start < a.size() && start < b.size() && a.get(start).equals(b.get(start))) {
            start++;
        }
        int endA = a.size();
        int endB = b.size();
        while (endA > start && endB > start && a.get(endA - 1).equals(b.get(endB - 1))) {
            endA--;
            endB--;
        }
        List<Line> out = new ArrayList<>(a.size() + b.size());
        for (int i = 0; i < start; i++) {
            out.add(new Line(Change.SAME, a.get(i), i + 1, i + 1));
        }
        middle(a, b, start, endA, endB, out);
        for (int i = endA, j = endB; i < a.size(); i++, j++) {
            out.add(new Line(Change.SAME, a.get(i), i + 1, j + 1));
        }
        return out;
    }

    /** The lines a[start, endA) against b[start, endB), in order. */
    private static void middle(List<String> a, List<String> b, int start, int endA, int endB, List<Line> out) {
        int n = endA - start;
        int m = endB - start;
        if ((long) (n + 1) * (m + 1) > MAX_CELLS) {
            for (int i = start; i < endA; i++) {
                out.add(new Line(Change.REMOVED, a.get(i), i + 1, 0));
            }
            for (int j = start; j < endB; j++) {
                out.add(new Line(Change.ADDED, b.get(j), 0, j + 1));
            }
            return;
        }
        // common[i][j]: the length of the longest common subsequence of a's lines from i and b's from j.
        int[][] common = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                common[i][j] = a.get(start + i).equals(b.get(start + j))
                        ? common[i + 1][j + 1] + 1
                        : Math.max(common[i + 1][j], common[i][j + 1]);
            }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && a.get(start + i).equals(b.get(start + j))) {
                out.add(new Line(Change.SAME, a.get(start + i), start + i + 1, start + j + 1));
                i++;
                j++;
            } else if (i < n && (j == m || common[i + 1][j] >= common[i][j + 1])) {
                out.add(new Line(Change.REMOVED, a.get(start + i), start + i + 1, 0));
                i++;
            } else {
                out.add(new Line(Change.ADDED, b.get(start + j), 0, start + j + 1));
                j++;
            }
        }
    }

    static List<String> lines(String text) {
        if (text == null || text.isEmpty()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>(List.of(text.split("\r\n|\n|\r", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
