package dev.covenant.relicensing.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import dev.covenant.identity.CoAuthors.CoAuthor;
import dev.covenant.identity.GitIdent;

/**
 * The history of a repository built with the real git CLI (src/test/resources/relicensing/make-git-log-fixture.sh):
 * a mailmapped author, co-authors, an empty commit, a rename, a binary file, a raw Latin-1 author, a declared
 * ISO-8859-1 commit, quoted paths, a merge and an empty message. Totals were counted from the same file with awk.
 */
class GitLogFixtureTest {

    private final List<ParsedCommit> commits = GitLogs.fixture("git-log.txt");
    private final Map<String, ParsedCommit> bySha = commits.stream()
            .collect(Collectors.toMap(c -> c.sha().substring(0, 7), Function.identity()));

    @Test
    void everyCommitIsReadNewestFirst() {
        assertEquals(List.of("185d99d", "17d1db8", "dfb7c03", "015443a", "e95dcce", "424998c", "f1ed3b4", "64cfed1"),
                commits.stream().map(c -> c.sha().substring(0, 7)).toList());
        assertEquals("185d99daa8328d592838521fbeacda4ba99bc48a", commits.get(0).sha());
    }

    @Test
    void totalsMatchWhatGitCounted() {
        assertEquals(20, commits.stream().mapToLong(ParsedCommit::linesAdded).sum());
        assertEquals(7, commits.stream().mapToLong(ParsedCommit::linesDeleted).sum());
        assertEquals(13, commits.stream().mapToInt(c -> c.files().size()).sum());
        assertEquals(2, commits.stream().flatMap(c -> c.files().stream()).filter(FileChange::binary).count());
    }

    @Test
    void theMergeHasItsAbbreviatedParentsAndNoFiles() {
        ParsedCommit merge = bySha.get("17d1db8");
        assertTrue(merge.merge());
        assertEquals(List.of("e95dcce", "dfb7c03"), merge.mergeParents());
        assertEquals(List.of(), merge.files());
        assertEquals("Merge branch 'feature'", merge.message());
        assertEquals(1, commits.stream().filter(ParsedCommit::merge).count());
    }

    @Test
    void anEmptyCommitHasNoFiles() {
        ParsedCommit empty = bySha.get("424998c");
        assertFalse(empty.merge());
        assertEquals(List.of(), empty.files());
        assertEquals("An empty commit, to trigger CI", empty.message());
    }

    @Test
    void anEmptyMessageStillCarriesItsFiles() {
        ParsedCommit last = bySha.get("185d99d");
        assertEquals("", last.message());
        assertEquals(List.of(FileChange.text("README.md", 1, 0)), last.files());
    }

    @Test
    void aRenameIsADeletionAndAnAdditionAndBinaryFilesHaveNoCounts() {
        assertEquals(List.of(FileChange.binary("logo.png"), FileChange.text("src/App.java", 5, 0),
                FileChange.text("src/Main.java", 0, 5)), bySha.get("e95dcce").files());
    }

    @Test
    void coAuthorTrailersAreRead() {
        ParsedCommit pair = bySha.get("f1ed3b4");
        assertEquals(List.of(new CoAuthor("Alan Turing", "alan@example.org"),
                new CoAuthor("Octo Cat", "583231+octocat@users.noreply.github.com")), pair.coAuthors());
        assertEquals("Pair on Main\n\nCo-authored-by: Alan Turing <alan@example.org>\n"
                + "Co-authored-by: Octo Cat <583231+octocat@users.noreply.github.com>", pair.message());
    }

    @Test
    void rawLatin1BytesAreReadAsLatin1() {
        ParsedCommit jose = bySha.get("015443a");
        assertEquals(new GitIdent("José Müller", "jose@example.org"), jose.author());
        // git expanded the tab after its 4-space indent: 8 columns.
        assertEquals("Café notes\n\n        Indented by a tab.", jose.message());
    }

    @Test
    void aDeclaredEncodingComesOutAsUtf8() {
        assertEquals(new GitIdent("Zoë Ng", "zoe@example.org"), bySha.get("dfb7c03").author());
        assertEquals("Naïve encoding header", bySha.get("dfb7c03").message());
    }

    @Test
    void quotedPathsAreUnquoted() {
        assertEquals(List.of(FileChange.text("docs/naïve café.md", 2, 0), FileChange.text("notes\tdraft.txt", 1, 0),
                FileChange.text("say \"hi\".txt", 1, 0)), bySha.get("015443a").files());
    }

    @Test
    void theMailmappedAuthorAndBothDatesWithTheirOffsets() {
        ParsedCommit first = bySha.get("64cfed1");
        assertEquals(new GitIdent("Ada Lovelace", "ada@example.org"), first.author());
        assertEquals(new GitIdent("Grace Hopper", "grace@example.org"), first.committer());
        assertEquals(OffsetDateTime.of(2005, 4, 7, 16, 13, 13, 0, ZoneOffset.ofHours(-7)), first.authoredAt());
        assertEquals(OffsetDateTime.of(2005, 4, 7, 23, 14, 13, 0, ZoneOffset.UTC), first.committedAt());
        assertEquals(OffsetDateTime.of(2005, 4, 8, 5, 43, 13, 0, ZoneOffset.ofHoursMinutes(5, 30)),
                bySha.get("f1ed3b4").authoredAt());
    }

    @Test
    void reverseAndAllGiveTheSameCommitsOldestFirst() {
        List<ParsedCommit> reversed = new ArrayList<>(GitLogs.fixture("git-log-reverse-all.txt"));
        Collections.reverse(reversed);
        assertEquals(commits, reversed);
    }

    @Test
    void sha256RepositoriesHave64DigitShas() {
        List<ParsedCommit> sha256 = GitLogs.fixture("git-log-sha256.txt");
        assertEquals(4, sha256.size());
        assertEquals(List.of(64, 64, 64, 64), sha256.stream().map(c -> c.sha().length()).toList());
        assertEquals(List.of("7595b32", "9e38644"), sha256.get(0).mergeParents());
        assertEquals(3, sha256.stream().mapToLong(ParsedCommit::linesAdded).sum());
    }
}
