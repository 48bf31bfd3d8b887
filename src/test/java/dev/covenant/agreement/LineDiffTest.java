package dev.covenant.agreement;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LineDiffTest {

    /** Each case: the earlier and later texts ('/' separates lines) and the diff as signs and lines. */
    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', emptyValue = "", textBlock = """
            a/b/c       | a/b/c       | ' a, b, c'
            a/b/c       | a/x/c       | ' a,-b,+x, c'
            a/b/c       | a/c         | ' a,-b, c'
            a/c         | a/b/c       | ' a,+b, c'
            ''          | a/b         | '+a,+b'
            a/b         | ''          | '-a,-b'
            a/b/c/d     | b/c/d/e     | '-a, b, c, d,+e'
            x/a/y/b/z   | a/q/b       | '-x, a,-y,+q, b,-z'
            a/b/a/b     | b/a/b/a     | '-a, b, a, b,+a'
            """)
    void theLongestCommonLinesStayAndTheRestIsRemovedOrAdded(String before, String after, String expected) {
        String shown = LineDiff.of(text(before), text(after)).stream().map(l -> l.sign() + l.text())
                .collect(Collectors.joining(","));
        assertEquals(expected, shown);
    }

    @Test
    void linesAreNumberedInBothTexts() {
        List<LineDiff.Line> diff = LineDiff.of("one\ntwo\nthree\n", "one\n2\nthree\nfour\n");
        assertEquals(List.of(new LineDiff.Line(LineDiff.Change.SAME, "one", 1, 1),
                new LineDiff.Line(LineDiff.Change.REMOVED, "two", 2, 0),
                new LineDiff.Line(LineDiff.Change.ADDED, "2", 0, 2),
                new LineDiff.Line(LineDiff.Change.SAME, "three", 3, 3),
                new LineDiff.Line(LineDiff.Change.ADDED, "four", 0, 4)), diff);
        assertTrue(LineDiff.changed(diff));
        assertFalse(LineDiff.changed(LineDiff.of("same\r\ntext", "same\ntext\n")));
    }

    @Test
    void whatIsKeptIsACommonSubsequenceAsLongAsAnyOther() {
        // Every keep/remove/add split must rebuild both texts; the kept lines are as many as the brute-force answer.
        java.util.Random random = new java.util.Random(42);
        for (int round = 0; round < 300; round++) {
            List<String> a = randomLines(random);
            List<String> b = randomLines(random);
            List<LineDiff.Line> diff = LineDiff.of(a, b);
            assertEquals(a, diff.stream().filter(l -> !l.added()).map(LineDiff.Line::text).toList());
            assertEquals(b, diff.stream().filter(l -> !l.removed()).map(LineDiff.Line::text).toList());
            long kept = diff.stream().filter(l -> l.change() == LineDiff.Change.SAME).count();
            assertEquals(longestCommon(a, b, 0, 0, new Integer[a.size() + 1][b.size() + 1]), (int) kept);
        }
    }

    @Test
    void aHugeMiddleIsShownRemovedThenAddedInsteadOfCompared() {
        List<String> a = IntStream.range(0, 2_100).mapToObj(i -> "a" + i).toList();
        List<String> b = IntStream.range(0, 2_100).mapToObj(i -> "b" + i).toList();
        List<LineDiff.Line> diff = LineDiff.of(a, b);
        assertEquals(4_200, diff.size());
        assertTrue(diff.subList(0, 2_100).stream().allMatch(LineDiff.Line::removed));
        assertTrue(diff.subList(2_100, 4_200).stream().allMatch(LineDiff.Line::added));
    }

    private static String text(String slashed) {
        return slashed.isEmpty() ? "" : slashed.replace('/', '\n');
    }

    private static List<String> randomLines(java.util.Random random) {
        List<String> lines = new ArrayList<>();
        int n = random.nextInt(9);
        for (int i = 0; i < n; i++) {
            lines.add(String.valueOf((char) ('a' + random.nextInt(3))));
        }
        return lines;
    }

    private static int longestCommon(List<String> a, List<String> b, int i, int j, Integer[][] memo) {
        if (i == a.size() || j == b.size()) {
            return 0;
        }
        if (memo[i][j] == null) {
            memo[i][j] = a.get(i).equals(b.get(j))
                    ? 1 + longestCommon(a, b, i + 1, j + 1, memo)
                    : Math.max(longestCommon(a, b, i + 1, j, memo), longestCommon(a, b, i, j + 1, memo));
        }
        return memo[i][j];
    }
}
