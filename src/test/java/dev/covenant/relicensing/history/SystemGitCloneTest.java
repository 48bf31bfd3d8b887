package dev.covenant.relicensing.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The system git's clone: which versions may clone (those that can pin a host's addresses), what it pins, and that a
 * clone of the default branch holds that branch's history as {@code git} itself lists it, and nothing else, while a
 * full clone by either tool holds every branch.
 */
class SystemGitCloneTest {

    @ParameterizedTest
    @CsvSource({"git version 2.39.5, true", "git version 2.37.0, true", "git version 2.36.6, false",
            "git version 2.34.1, false", "git version 3.0.1, true", "git version 2.45.1.windows.1, true",
            "git version 2.37.1 (Apple Git-137.1), true", "not git, false"})
    void onlyAGitThatPinsAddressesClones(String version, boolean clones) {
        assertEquals(clones, SystemGit.pinsAddresses(version));
    }

    @Test
    void aHostNamingAnInsideAddressIsRefusedAsItIsPinned() {
        CloneUrl local = new CloneUrl("https://localhost/a/b.git", URI.create("https://localhost/a/b.git"), null);
        assertThrows(IOException.class, () -> SystemGitClone.pin(local));
    }

    @Test
    void aPublicAddressIsJudgedButNeedsNoPin() throws IOException {
        CloneUrl literal = new CloneUrl("https://140.82.112.3/a/b.git", URI.create("https://140.82.112.3/a/b.git"),
                null);
        assertEquals(Optional.empty(), SystemGitClone.pin(literal));
    }

    @Test
    void theDefaultBranchIsClonedWithItsHistoryOnlyAndEveryBranchByEitherTool() throws Exception {
        GitRepo repo = new GitRepo();
        repo.write("a.txt", "one\n");
        repo.commit("Ada", "ada@example.org", "First");
        String main = repo.git("symbolic-ref", "--short", "HEAD").strip();
        repo.git("checkout", "-q", "-b", "elsewhere");
        repo.write("b.txt", "two\n");
        repo.commit("Bob", "bob@example.org", "Only on a branch");
        repo.git("checkout", "-q", main);
        repo.write("a.txt", "one\nthree\n");
        repo.commit("Ada", "ada@example.org", "Second");
        Path work = Files.createTempDirectory("clones-");
        CloneUrl url = CloneUrl.parse(repo.dir.toUri().toString(), List.of(repo.dir.getParent()));
        try (BareClone clone = BareClone.ofDefaultBranch(url, work, Optional.empty())) {
            assertEquals(BareClone.Tool.GIT, clone.tool());
            assertEquals(2, SystemGit.count(clone.dir()));
            assertEquals(repo.git("rev-parse", "HEAD").strip(),
                    clone.repository().resolve("HEAD").name());
            assertTrue(clone.repository().getRefDatabase().getRefs().stream()
                    .noneMatch(r -> r.getName().endsWith("elsewhere")));
        }
        try (BareClone jgit = BareClone.with(BareClone.Tool.JGIT, url, work, Optional.empty());
                BareClone git = BareClone.with(BareClone.Tool.GIT, url, work, Optional.empty())) {
            for (BareClone clone : List.of(jgit, git)) {
                assertEquals(repo.git("rev-parse", "HEAD").strip(), clone.repository().resolve("HEAD").name());
                assertEquals(repo.git("rev-parse", "elsewhere").strip(),
                        clone.repository().resolve("refs/heads/elsewhere").name(), clone.tool().name());
            }
        }
    }
}
