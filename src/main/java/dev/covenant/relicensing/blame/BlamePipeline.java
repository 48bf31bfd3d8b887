package dev.covenant.relicensing.blame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.jgit.lib.ObjectId;

/**
 * Blames a commit's files on a bounded pool of threads while handing the results on in the files' order, from the
 * calling thread alone: the sink (one COPY on one connection), the credits and the progress see one file after
 * another as in a serial blame, and give the same result. At most {@code 4 × threads} files are under way or waiting
 * to be handed on, so memory stays bounded by a few files' blames whatever the repository's size.
 */
final class BlamePipeline implements AutoCloseable {

    private static final AtomicInteger POOLS = new AtomicInteger();

    /** A file in the order it was listed: blaming on the pool, or skipped with its reason. */
    private record Pending(String path, Future<Map<ObjectId, Long>> sources, String reason, long bytes) {
    }

    private final BlameEngine engine;
    private final Credits credits;
    private final RevisionBlame.Sink sink;
    private final RevisionBlame.Listener listener;
    private final ExecutorService pool;
    private final int window;
    private final ArrayDeque<Pending> pending = new ArrayDeque<>();
    private long files;
    private long skipped;
    private long lines;

    BlamePipeline(BlameEngine engine, int threads, Credits credits, RevisionBlame.Sink sink,
            RevisionBlame.Listener listener) {
        if (threads < 1) {
            throw new IllegalArgumentException("a blame needs at least one thread, not " + threads);
        }
        this.engine = engine;
        this.credits = credits;
        this.sink = sink;
        this.listener = listener;
        this.window = 4 * threads;
        String name = "blame-" + POOLS.incrementAndGet() + "-";
        AtomicInteger count = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    void blame(String path) throws IOException {
        pending.add(new Pending(path, pool.submit(() -> engine.sources(path)), null, 0));
        handOn(window);
    }

    void skip(String path, String reason, long bytes) throws IOException {
        pending.add(new Pending(path, null, reason, bytes));
        handOn(window);
    }

    /** Hands on every file still under way, and the totals. */
    RevisionBlame.BlameCounts finish() throws IOException {
        handOn(0);
        return new RevisionBlame.BlameCounts(files, skipped, lines);
    }

    private void handOn(int keep) throws IOException {
        while (pending.size() > keep) {
            Pending next = pending.poll();
            files++;
            if (next.reason() != null) {
                skipped++;
                sink.skipped(next.path(), next.reason(), next.bytes());
            } else {
                Map<LineCredit, Long> counted = credits.of(await(next));
                lines += counted.values().stream().mapToLong(Long::longValue).sum();
                sink.lines(next.path(), counted);
            }
            listener.file(files, skipped, lines);
        }
    }

    private static Map<ObjectId, Long> await(Pending file) throws IOException {
        try {
            return file.sources().get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while blaming " + file.path(), e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw new IOException("blaming " + file.path() + " failed: " + io.getMessage(), io);
            } else if (cause instanceof UncheckedIOException io) {
                throw new IOException("blaming " + file.path() + " failed: " + io.getMessage(), io.getCause());
            } else if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("blaming " + file.path() + " failed", cause);
        }
    }

    /**
     * Stops the pool; after a failure, the files under way are abandoned (a git blame already started runs to its
     * end on its thread, at most one per thread).
     */
    @Override
    public void close() {
        pending.forEach(p -> {
            if (p.sources() != null) {
                p.sources().cancel(true);
            }
        });
        pending.clear();
        pool.shutdownNow();
    }
}
