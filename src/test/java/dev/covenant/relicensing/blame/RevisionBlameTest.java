package dev.covenant.relicensing.blame;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.covenant.identity.Mailmap;
import dev.covenant.relicensing.history.GitRepo;

/**
 * Which files a blame looks into, on a repository built with the git CLI: text files are blamed (blank lines not
 * counted, each with its commit's author date), binary and too-large ones skipped with their reason, symbolic
 * links passed over; progress after each, in the files' order though they are blamed two at a time; the same by
 * git and by JGit.
 */
class RevisionBlameTest {

    @ParameterizedTest(name = "blamed by {0}")
    @ValueSource(strings = {"git", BlameEngine.NO_GIT})
    void textFilesAreBlamedTheRestSkippedOrPassedOver(String gitCommand) throws Exception {
        GitRepo git = new GitRepo();
        git.write("small.txt", "one\n\n  \ntwo\n");
        git.write("big.txt", "x".repeat(100) + "\n");
        git.writeBytes("image.bin", new byte[] {1, 2, 0, 3});
        Files.createSymbolicLink(git.dir.resolve("link.txt"), Path.of("small.txt"));
        git.commit("Ada", "Ada@Example.org", "Start\n\nCo-authored-by: Alan <alan@example.org>");
        Instant started = authorDate(git);
        // The same people an hour later: their new line is counted apart, under its own date.
        git.write("small.txt", "one\n\n  \ntwo\nthree\n");
        git.commit("Ada", "ada@example.org", "More\n\nCo-authored-by: Alan <alan@example.org>");
        Instant later = authorDate(git);

        Map<String, Map<LineCredit, Long>> blamed = new TreeMap<>();
        List<String> skipped = new ArrayList<>();
        List<Long> progress = new ArrayList<>();
        try (Repository repository = new FileRepositoryBuilder().setGitDir(git.dir.resolve(".git").toFile()).build()) {
            RevCommit head = BlameRevision.resolve(repository, "HEAD");
            assertEquals(3, RevisionBlame.countFiles(repository, head));
            BlameEngine engine = BlameEngine.choose(gitCommand, git.dir.resolve(".git"), repository, head);
            assertEquals(gitCommand.equals("git") ? "git " + GitBlame.version("git").orElseThrow() : "jgit",
                    engine.name());
            RevisionBlame.BlameCounts totals = RevisionBlame.blame(repository, head, engine, 2, Mailmap.parse(""), 50,
                    new RevisionBlame.Sink() {
                        @Override
                        public void lines(String path, Map<LineCredit, Long> lines) {
                            blamed.put(path, lines);
                        }

                        @Override
                        public void skipped(String path, String reason, long bytes) {
                            skipped.add(path + " " + reason + " " + bytes);
                        }
                    }, (done, skippedSoFar, lines) -> progress.add(done));
            assertEquals(new RevisionBlame.BlameCounts(3, 2, 3), totals);
        }
        List<String> alan = List.of("alan@example.org");
        assertEquals(Map.of("small.txt", Map.of(new LineCredit("ada@example.org", alan, started), 2L,
                new LineCredit("ada@example.org", alan, later), 1L)), blamed);
        assertEquals(List.of("big.txt TOO_LARGE 101", "image.bin BINARY 4"), skipped);
        assertEquals(List.of(1L, 2L, 3L), progress);
    }

    private static Instant authorDate(GitRepo git) {
        return Instant.ofEpochSecond(Long.parseLong(git.git("log", "-1", "--format=%at").strip()));
    }
}
