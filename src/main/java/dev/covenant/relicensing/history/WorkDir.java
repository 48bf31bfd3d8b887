package dev.covenant.relicensing.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

/**
 * This instance's own directory under {@code covenant.relicensing.work-dir}, where its imports and blame jobs clone:
 * {@code covenant-work-<random>}, new at every start, holding a {@code .lock} file that this process keeps locked
 * while it runs. The lock is the operating system's, released when the process ends however it ends ({@code kill
 * -9} included), so any instance sharing the work directory can tell a directory left by a dead one, and delete it
 * ({@link #deleteLeftOvers}).
 */
@ApplicationScoped
public class WorkDir {

    private static final Logger LOG = Logger.getLogger(WorkDir.class);
    static final String PREFIX = "covenant-work-";
    private static final String LOCK = ".lock";
    /** Longer than any instance takes between making its lock file and locking it. */
    private static final Duration LOCKING = Duration.ofSeconds(30);

    private final Path root;
    private Path own;
    private FileChannel channel;

    @Inject
    WorkDir(RelicensingConfig config) {
        this(config.workDir().orElse(Path.of(System.getProperty("java.io.tmpdir"))));
    }

    WorkDir(Path root) {
        this.root = root.toAbsolutePath();
    }

    /** This instance's directory, made and locked on first use. */
    public synchronized Path path() {
        if (own == null) {
            try {
                Path dir = Files.createDirectories(root.resolve(PREFIX + UUID.randomUUID()));
                channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                if (channel.tryLock() == null) {
                    throw new IOException("cannot lock " + dir.resolve(LOCK));
                }
                own = dir;
            } catch (IOException e) {
                throw new UncheckedIOException("cannot make this instance's work directory in " + root, e);
            }
        }
        return own;
    }

    Path root() {
        return root;
    }

    /**
     * Deletes what instances that no longer run left in the work directory: their directories (whose lock is free),
     * and histories an older version spooled here ({@code history-*.txt}) untouched since {@code cutoff}. This
     * instance's own directory stays, with the clones its running jobs use. The paths deleted.
     */
    synchronized List<Path> deleteLeftOvers(Instant cutoff) throws IOException {
        Path mine = path();
        List<Path> deleted = new ArrayList<>();
        try (var entries = Files.list(root)) {
            for (Path entry : (Iterable<Path>) entries::iterator) {
                String name = entry.getFileName().toString();
                boolean dead = name.startsWith(PREFIX) && !entry.equals(mine) && Files.isDirectory(entry)
                        && !alive(entry, cutoff);
                boolean spooled = name.startsWith("history-") && name.endsWith(".txt") && Files.isRegularFile(entry)
                        && Files.getLastModifiedTime(entry).toInstant().isBefore(cutoff);
                if (dead || spooled) {
                    try {
                        delete(entry);
                        deleted.add(entry);
                    } catch (IOException e) {
                        // Another instance may be deleting it at the same time; the next sweep tries again.
                        LOG.warnf("Could not delete %s, left in the work directory: %s", entry, e);
                    }
                }
            }
        }
        return deleted;
    }

    /**
     * Whether the instance that made {@code dir} still runs: its lock is held (by another process, or by another
     * instance in this one). A directory without a lock file is young, or was left half made: alive until the cutoff.
     */
    private static boolean alive(Path dir, Instant cutoff) throws IOException {
        Path lock = dir.resolve(LOCK);
        if (!Files.exists(lock)) {
            return !Files.getLastModifiedTime(dir).toInstant().isBefore(cutoff);
        }
        if (Files.getLastModifiedTime(lock).toInstant().isAfter(Instant.now().minus(LOCKING))) {
            return true; // Made a moment ago: its instance may be about to lock it.
        }
        try (FileChannel other = FileChannel.open(lock, StandardOpenOption.WRITE)) {
            FileLock taken = other.tryLock();
            if (taken == null) {
                return true;
            }
            taken.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true;
        }
    }

    private static void delete(Path entry) throws IOException {
        try (var paths = Files.walk(entry)) {
            for (Path p : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.deleteIfExists(p);
            }
        }
    }

    @PreDestroy
    synchronized void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot unlock " + own, e);
            }
        }
    }
}
