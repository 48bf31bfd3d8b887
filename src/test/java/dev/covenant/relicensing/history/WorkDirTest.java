package dev.covenant.relicensing.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each instance's own work directory, locked while it runs: what dead instances left is deleted, what live ones use
 * stays, and so do files that are not the service's.
 */
class WorkDirTest {

    @TempDir
    Path root;

    private static Path old(Path path) throws IOException {
        Files.setLastModifiedTime(path, FileTime.from(Instant.now().minusSeconds(7200)));
        return path;
    }

    @Test
    void whatDeadInstancesLeftGoesAndWhatLiveOnesUseStays() throws IOException {
        WorkDir mine = new WorkDir(root);
        WorkDir other = new WorkDir(root);
        Path myClone = Files.createDirectories(mine.path().resolve("clone-1"));
        Path otherClone = Files.createDirectories(other.path().resolve("clone-2"));
        old(otherClone.getParent().resolve(".lock"));

        // An instance that died: its lock file is there, and nobody holds its lock.
        Path dead = Files.createDirectories(root.resolve(WorkDir.PREFIX + "dead"));
        Files.createDirectories(dead.resolve("clone-3/objects"));
        Files.writeString(dead.resolve("clone-3/objects/pack"), "data");
        old(Files.writeString(dead.resolve(".lock"), ""));
        Path oldSpool = old(Files.writeString(root.resolve("history-123.txt"), "commit 1\n"));
        Path newSpool = Files.writeString(root.resolve("history-456.txt"), "commit 1\n");
        Path notOurs = old(Files.writeString(root.resolve("notes.txt"), "keep me"));

        List<Path> deleted = mine.deleteLeftOvers(Instant.now().minusSeconds(3600));

        assertEquals(List.of(dead, oldSpool).stream().sorted().toList(), deleted.stream().sorted().toList());
        assertFalse(Files.exists(dead));
        assertFalse(Files.exists(oldSpool));
        assertTrue(Files.exists(newSpool), "younger than the cutoff");
        assertTrue(Files.exists(notOurs), "not the service's");
        assertTrue(Files.exists(myClone), "this instance's own directory stays");
        assertTrue(Files.exists(otherClone), "a live instance holds its lock");

        other.close();
        assertEquals(List.of(otherClone.getParent()), mine.deleteLeftOvers(Instant.now().minusSeconds(3600)),
                "once its instance stopped, its directory goes");
        mine.close();
    }

    @Test
    void aDirectoryWithoutItsLockFileIsLeftUntilTheCutoff() throws IOException {
        WorkDir mine = new WorkDir(root);
        Path halfMade = Files.createDirectories(root.resolve(WorkDir.PREFIX + "half"));
        assertEquals(List.of(), mine.deleteLeftOvers(Instant.now().minusSeconds(3600)));
        old(halfMade);
        assertEquals(List.of(halfMade), mine.deleteLeftOvers(Instant.now().minusSeconds(3600)));
        mine.close();
    }
}
