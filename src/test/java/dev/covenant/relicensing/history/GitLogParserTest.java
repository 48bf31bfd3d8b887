package dev.covenant.relicensing.history;

import static dev.covenant.relicensing.history.GitLogs.commit;
import static dev.covenant.relicensing.history.GitLogs.sha;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.NoSuchElementException;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.covenant.identity.GitIdent;

/** The layouts git can produce beyond the fixture's, and what text pasted through other tools looks like. */
class GitLogParserTest {

    private static final String TWO = commit(sha(1), List.of("First", "", "Body"), List.of("1\t2\ta.txt"))
            + "\n" + commit(sha(2), List.of("Second"), List.of());

    @Test
    void emptyInputHasNoCommits() {
        assertEquals(List.of(), GitLogs.parse(""));
        assertEquals(List.of(), GitLogs.parse("\n\n"));
    }

    @Test
    void crlfLineEndsReadTheSameAsLf() {
        assertEquals(GitLogs.parse(TWO), GitLogs.parse(TWO.replace("\n", "\r\n")));
    }

    @Test
    void aMissingFinalLineEndIsFine() {
        assertEquals(GitLogs.parse(TWO), GitLogs.parse(TWO.stripTrailing()));
    }

    @Test
    void blankLinesAroundCommitsAreTolerated() {
        assertEquals(GitLogs.parse(TWO), GitLogs.parse("\n\n" + TWO.replace("\n\ncommit", "\n\n\n\ncommit") + "\n\n"));
    }

    @Test
    void messagesWhoseBlankLinesLostTheirIndentKeepThem() {
        String stripped = TWO.replace("    \n", "\n");
        assertEquals("First\n\nBody", GitLogs.parse(stripped).get(0).message());
        assertEquals(GitLogs.parse(TWO), GitLogs.parse(stripped));
    }

    @Test
    void aMessageKeepsItsInnerIndentation() {
        String text = commit(sha(1), List.of("Title", "", "  - item", "\tcode"), List.of());
        assertEquals("Title\n\n  - item\n\tcode", GitLogs.parse(text).get(0).message());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {" (HEAD -> main, tag: v1.0, origin/main)", " (tag: v2)"})
    void decorationsAfterTheShaAreIgnored(String decoration) {
        String text = TWO.replace("commit " + sha(2), "commit " + sha(2) + decoration);
        assertEquals(GitLogs.parse(TWO), GitLogs.parse(text));
    }

    @Test
    void anOctopusMergeHasAllItsParents() {
        String text = TWO.replace("commit " + sha(2) + "\n", "commit " + sha(2) + "\nMerge: 1a2b3c4 5d6e 7f8091a2b3\n");
        ParsedCommit merge = GitLogs.parse(text).get(1);
        assertEquals(List.of("1a2b3c4", "5d6e", "7f8091a2b3"), merge.mergeParents());
    }

    @Test
    void anEmptyNameOrEmailIsKept() {
        String text = TWO.replace("Author:     Ada Lovelace <ada@example.org>", "Author:      <>");
        assertEquals(new GitIdent("", ""), GitLogs.parse(text).get(0).author());
    }

    @Test
    void latin1AndUtf8LinesCanMixInOneHistory() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(TWO.replace("Ada Lovelace", "Zoë").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(commit(sha(3), List.of("Caf\u00e9"), List.of()).replace("Ada Lovelace", "Jos\u00e9")
                .getBytes(StandardCharsets.ISO_8859_1));
        List<ParsedCommit> commits = GitLogs.parse(bytes.toByteArray());
        assertEquals("Zoë", commits.get(0).author().name());
        assertEquals("José", commits.get(2).author().name());
        assertEquals("Café", commits.get(2).message());
    }

    @Test
    void theIteratorHandsOutOneCommitAtATimeAndThenStops() {
        GitLogParser parser = new GitLogParser(new ByteArrayInputStream(TWO.getBytes(StandardCharsets.UTF_8)));
        assertEquals(sha(1), parser.next().sha());
        assertEquals(sha(2), parser.next().sha());
        assertFalse(parser.hasNext());
        assertThrows(NoSuchElementException.class, parser::next);
    }

    @Test
    void forEachCountsTheCommits() {
        assertEquals(2, GitLogParser.forEach(new ByteArrayInputStream(TWO.getBytes(StandardCharsets.UTF_8)), c -> {
        }));
    }
}
