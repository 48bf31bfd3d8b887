package dev.covenant.relicensing.blame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.covenant.identity.Mailmap;
import dev.covenant.relicensing.history.GitRepo;

/**
 * A file renamed while part of it was rewritten is credited as {@code git blame -w -M --line-porcelain} credits it:
 * followed through the rename when the two are at least 50% alike (git's default), taken over by the renamer below;
 * by the system's git and by JGit alike.
 */
class RenameBlameTest {

    @ParameterizedTest(name = "{0} of 20 lines kept, blamed by {1}")
    @CsvSource({"11, git", "12, git", "8, git", "11, none", "12, none", "8, none"})
    void aRenamedFileIsFollowedAtGitsSimilarity(int kept, String gitCommand) throws Exception {
        GitRepo git = new GitRepo();
        StringBuilder before = new StringBuilder();
        StringBuilder after = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            String line = String.format("line %02d of the original text, written by Ada\n", i);
            before.append(line);
            after.append(i < kept ? line : String.format("line %02d rewritten by Grace, quite different\n", i));
        }
        git.write("old.txt", before.toString());
        git.commit("Ada", "ada@example.org", "Write the text");
        git.git("rm", "-q", "old.txt");
        git.write("new.txt", after.toString());
        git.commit("Grace", "grace@example.org", "Rename and rewrite part of it");

        BlameExpectations expected = new BlameExpectations(git, "HEAD");
        Map<String, Long> ours = new TreeMap<>();
        try (Repository repository = new FileRepositoryBuilder().setGitDir(git.dir.resolve(".git").toFile()).build()) {
            RevCommit head = BlameRevision.resolve(repository, "HEAD");
            Map<org.eclipse.jgit.lib.ObjectId, Long> sources = BlameEngine
                    .choose(gitCommand, git.dir.resolve(".git"), repository, head).sources("new.txt");
            try (Credits credits = new Credits(repository, Mailmap.parse(""))) {
                credits.of(sources).forEach((credit, lines) -> ours.merge(
                        BlameExpectations.key(credit.author(), credit.coAuthors()), lines, Long::sum));
            }
        }
        assertEquals(expected.byPath.get("new.txt"), ours, "git blame -w -M --line-porcelain");
        Map<String, Long> ada = new HashMap<>(expected.byPath.get("new.txt"));
        ada.keySet().removeIf(k -> !k.startsWith("ada@"));
        assertEquals(kept >= 10 ? Map.of("ada@example.org|", (long) kept) : Map.of(), ada,
                "the rename is followed from 50% alike");
    }
}
