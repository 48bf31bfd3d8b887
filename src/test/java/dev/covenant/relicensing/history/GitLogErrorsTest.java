package dev.covenant.relicensing.history;

import static dev.covenant.relicensing.history.GitLogs.commit;
import static dev.covenant.relicensing.history.GitLogs.sha;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A line that does not fit stops the import at that line. Each case breaks line {@code n} of a three-commit, 27-line
 * history whose commits start at lines 1, 11 and 21 (line 28 is one added after the end).
 */
class GitLogErrorsTest {

    private static final String HISTORY = commit(sha(1), List.of("One"), List.of("1\t0\ta.txt")) + "\n"
            + commit(sha(2), List.of("Two", "", "Body"), List.of()) + "\n"
            + commit(sha(3), List.of("Three"), List.of()).stripTrailing() + "\n";

    static Stream<Arguments> brokenLines() {
        return Stream.of(
                Arguments.of(1, "comit " + sha(1), "expected 'commit <sha>'"),
                Arguments.of(11, "commit 12345", "expected 'commit <sha>' with a sha of 40 or 64 hex digits"),
                Arguments.of(11, "commit " + sha(2).toUpperCase().replace('0', 'G'), "expected 'commit <sha>'"),
                Arguments.of(11, "commit " + sha(2) + " trailing", "expected 'commit <sha>'"),
                Arguments.of(2, "Merge: abc", "expected 'Merge: <parent> <parent>…'"),
                Arguments.of(2, "Author: Ada Lovelace ada@example.org", "expected 'Author: <name> <<email>>' after"),
                Arguments.of(12, "Date:   Thu Apr 7 15:13:13 2005 -0700", "expected 'Author: <name> <<email>>'"),
                Arguments.of(13, "Date:   Thu Apr 7 15:13:13 2005 -0700",
                        "expected 'AuthorDate: <date>' after 'Author:'"),
                Arguments.of(3, "AuthorDate: 2 hours ago",
                        "expected 'AuthorDate: <date>' after 'Author:', as --pretty=fuller"),
                Arguments.of(3, "AuthorDate: Thu Apr 7 15:13:13 2005", "expected 'AuthorDate: <date>'"),
                Arguments.of(24, "Commit: Grace", "expected 'Commit: <name> <<email>>' after 'AuthorDate:'"),
                Arguments.of(5, "CommitDate: Thu Foo 7 15:13:13 2005 -0700", "expected 'CommitDate: <date>'"),
                Arguments.of(6, "    One", "expected a blank line after 'CommitDate:'"),
                Arguments.of(9, "1\t0", "expected a numstat line"),
                Arguments.of(9, "1 0 a.txt", "expected a numstat line"),
                Arguments.of(9, "+1\t0\ta.txt", "expected a numstat line"),
                Arguments.of(9, "-\t3\ta.txt", "expected a numstat line"),
                Arguments.of(9, "1\t0\t\"unterminated", "expected a numstat line"),
                Arguments.of(9, "1\t0\t\"bad \\q escape\"", "expected a numstat line"),
                Arguments.of(9, "99999999999\t0\ta.txt", "expected a numstat line"),
                Arguments.of(18, "Body", "expected a numstat line"),
                Arguments.of(28, "stray text at the end", "expected a numstat line"));
    }

    @ParameterizedTest(name = "line {0}: {1}")
    @MethodSource("brokenLines")
    void aBrokenLineIsReportedWithItsNumberAndText(int lineNumber, String broken, String expected) {
        String text = replaceLine(HISTORY, lineNumber, broken);
        List<ParsedCommit> before = new ArrayList<>();
        GitLogFormatException e = assertThrows(GitLogFormatException.class,
                () -> GitLogParser.forEach(stream(text), before::add));
        assertEquals(lineNumber, e.lineNumber());
        assertEquals(broken, e.line());
        assertTrue(e.getMessage().startsWith("line " + lineNumber + ": " + expected), e.getMessage());
        assertTrue(e.getMessage().endsWith(", got: '" + broken + "'"), e.getMessage());
        assertEquals((lineNumber - 1) / 10, before.size(), "the commits before the broken one were handed out");
    }

    @Test
    void anInputEndingInsideACommitNamesTheLineAfterTheLast() {
        String text = String.join("\n", HISTORY.lines().limit(13).toList());
        GitLogFormatException e = assertThrows(GitLogFormatException.class, () -> GitLogs.parse(text));
        assertEquals(14, e.lineNumber());
        assertNull(e.line());
        assertEquals("line 14: expected 'Commit: <name> <<email>>' after 'AuthorDate:', got: the end of the input",
                e.getMessage());
    }

    @Test
    void aLongLineIsShortenedInTheReport() {
        String broken = "x".repeat(5000);
        GitLogFormatException e = assertThrows(GitLogFormatException.class,
                () -> GitLogs.parse(replaceLine(HISTORY, 9, broken)));
        assertEquals(201, e.line().length());
        assertTrue(e.getMessage().length() < 500, e::getMessage);
    }

    @Test
    void aLineLongerThanTheLimitIsRefusedWithoutReadingItWhole() {
        String text = replaceLine(HISTORY, 12, "Author: " + "A".repeat(100_000) + " <a@example.org>");
        GitLogParser parser = new GitLogParser(stream(text), 4096);
        parser.next();
        GitLogFormatException e = assertThrows(GitLogFormatException.class, parser::hasNext);
        assertEquals(12, e.lineNumber());
        assertTrue(e.getMessage().startsWith("line 12: expected a line of at most 4096 bytes, got: 'Author: AAA"),
                e.getMessage());
    }

    @Test
    void afterAnErrorTheParserKeepsFailingTheSameWay() {
        GitLogParser parser = new GitLogParser(stream(replaceLine(HISTORY, 3, "nope")));
        GitLogFormatException first = assertThrows(GitLogFormatException.class, parser::hasNext);
        assertSame(first, assertThrows(GitLogFormatException.class, parser::next));
    }

    private static String replaceLine(String text, int lineNumber, String replacement) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        if (lineNumber > lines.size()) {
            lines.add(replacement);
        } else {
            lines.set(lineNumber - 1, replacement);
        }
        return String.join("\n", lines) + "\n";
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
