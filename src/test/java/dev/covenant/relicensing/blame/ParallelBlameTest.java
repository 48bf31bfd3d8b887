package dev.covenant.relicensing.blame;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.covenant.identity.Mailmap;
import dev.covenant.relicensing.history.GitRepo;

/**
 * Many files blamed at once give what one at a time gives, in the same order with the same progress: with the
 * system's git that is {@code git blame -w -M --line-porcelain} line for line (moved blocks, renames, re-indenting,
 * co-authors, dates); with JGit, chosen where no git runs, the same but for the moved block.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ParallelBlameTest {

    private static final int FILES = 40;

    private GitRepo git;
    private Repository repository;
    private RevCommit head;
    private BlameExpectations expected;

    @BeforeAll
    void buildRepository() throws IOException {
        git = new GitRepo();
        for (int i = 0; i < FILES; i++) {
            StringBuilder text = new StringBuilder();
            for (int line = 0; line < 12; line++) {
                text.append("value ").append(i).append(" line ").append(line).append(" of the first version\n");
                if (line % 4 == 3) {
                    text.append('\n');
                }
            }
            git.write("src/f" + i + ".txt", text.toString());
        }
        git.commit("Ada", "ada@example.org", "Write every file");
        for (int i = 0; i < FILES; i += 3) {
            String path = git.dir.resolve("src/f" + i + ".txt").toString();
            String text = java.nio.file.Files.readString(Path.of(path));
            git.write("src/f" + i + ".txt",
                    text.replace("line 2 of", "LINE 2 rewritten, of").replace("value", "\tvalue"));
        }
        git.commit("Grace", "grace@example.org", "Rewrite some lines\n\nCo-authored-by: Alan <Alan@Example.org>");
        for (int i = 1; i < FILES; i += 5) {
            git.git("mv", "src/f" + i + ".txt", "src/renamed" + i + ".txt");
        }
        // A block moved to the end of a file: git blame -M keeps it with Ada, JGit gives it to Zoe.
        String moved = java.nio.file.Files.readString(git.dir.resolve("src/f2.txt"));
        int cut = moved.indexOf("\n\n") + 2;
        git.write("src/f2.txt", moved.substring(cut) + moved.substring(0, cut));
        git.commit("Zoe", "zoe@example.org", "Rename some files, move a block");
        repository = new FileRepositoryBuilder().setGitDir(git.dir.resolve(".git").toFile()).build();
        head = BlameRevision.resolve(repository, "HEAD");
        expected = new BlameExpectations(git, "HEAD");
    }

    @AfterAll
    void close() {
        repository.close();
    }

    /** Counts per path in {@link BlameExpectations#datedByPath}' shape, in the order the sink heard them. */
    private record Blamed(Map<String, Map<String, Long>> byPath, List<Long> progress) {
    }

    private Blamed blame(String gitCommand, int threads) throws IOException {
        BlameEngine engine = BlameEngine.choose(gitCommand, git.dir.resolve(".git"), repository, head);
        Map<String, Map<String, Long>> byPath = new LinkedHashMap<>();
        List<Long> progress = new ArrayList<>();
        RevisionBlame.blame(repository, head, engine, threads, Mailmap.parse(""), 1 << 20, new RevisionBlame.Sink() {
            @Override
            public void lines(String path, Map<LineCredit, Long> lines) {
                Map<String, Long> dated = new TreeMap<>();
                lines.forEach((credit, n) -> dated.merge(BlameExpectations.datedKey(credit.author(),
                        credit.coAuthors(), credit.authoredAt().getEpochSecond()), n, Long::sum));
                byPath.put(path, dated);
            }

            @Override
            public void skipped(String path, String reason, long bytes) {
                throw new AssertionError(path + " skipped: " + reason);
            }
        }, (done, skipped, lines) -> progress.add(done));
        return new Blamed(byPath, progress);
    }

    @Test
    void gitOnSeveralThreadsGivesWhatGitBlameGivesFileByFile() throws IOException {
        Blamed serial = blame("git", 1);
        Blamed parallel = blame("git", 3);
        assertEquals(expected.datedByPath, new TreeMap<>(parallel.byPath()), "git blame -w -M --line-porcelain");
        assertEquals(List.copyOf(serial.byPath().keySet()), List.copyOf(parallel.byPath().keySet()), "same order");
        assertEquals(serial, parallel);
        assertEquals(FILES, parallel.progress().size());
        assertEquals(FILES, parallel.progress().get(FILES - 1));
    }

    @Test
    void jgitOnSeveralThreadsGivesWhatItGivesOnOne() throws IOException {
        Blamed serial = blame(BlameEngine.NO_GIT, 1);
        Blamed parallel = blame(BlameEngine.NO_GIT, 4);
        assertEquals(serial, parallel);
        Map<String, Map<String, Long>> git = new TreeMap<>(expected.datedByPath);
        Map<String, Map<String, Long>> jgit = new TreeMap<>(parallel.byPath());
        assertNotEquals(git.remove("src/f2.txt"), jgit.remove("src/f2.txt"), "JGit has no git blame -M");
        assertEquals(git, jgit);
    }

    @Test
    void jgitBlamesWhereGitCannotBeRun() {
        assertEquals("jgit", BlameEngine.choose(git.dir.resolve("no-such-git").toString(), git.dir.resolve(".git"),
                repository, head).name());
        assertEquals("git " + GitBlame.version("git").orElseThrow(),
                BlameEngine.choose("git", git.dir.resolve(".git"), repository, head).name());
    }
}
