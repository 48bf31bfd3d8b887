package dev.covenant.relicensing.history;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;

import dev.covenant.jdbc.Rows;

/**
 * Uploaded histories kept in PostgreSQL ({@code history_upload} and its chunks), so that any instance can run an
 * upload's import, and resume it after the instance that received it died. An upload is stored as it arrives, one
 * chunk of {@link #CHUNK} bytes per statement of its own: memory holds one chunk, and no transaction lasts as long
 * as the upload. It is read back the same way ({@link UploadChunks}).
 */
@ApplicationScoped
public class HistoryUploads {

    /** The size of a stored chunk: large enough that a 2 GiB upload is two thousand rows, small enough to hold. */
    static final int CHUNK = 1 << 20;

    /** An upload stored whole: its id, its size, and how many commits it holds. */
    record Stored(long id, long bytes, long commits) {
    }

    /** The upload was larger than allowed; what was stored is deleted. */
    static final class TooLargeException extends IOException {
        final long limit;

        TooLargeException(long limit) {
            super("the history is larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    /** The upload holds a NUL byte, which no line of git log output does; what was stored is deleted. */
    static final class NulByteException extends IOException {
        final long line;

        NulByteException(long line) {
            super("line " + line + " holds a NUL byte, which git log output never does");
            this.line = line;
        }
    }

    private final AgroalDataSource dataSource;
    private final Clock clock;
    /** Writes uploads' chunks, one thread per upload arriving at once. */
    private final ExecutorService writer = Executors.newCachedThreadPool(r -> {
        Thread thread = new Thread(r, "covenant-upload-writer");
        thread.setDaemon(true);
        return thread;
    });

    HistoryUploads(AgroalDataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Stores {@code in} to its end; the caller closes {@code in}, and the import deletes the upload when it ends. The
     * next chunk is read from the request while the one before is written, by a thread of {@link #writer}: reading
     * 17 MiB took 0.17 s and writing them 0.28 s, one after the other before.
     */
    Stored store(InputStream in, long limit) throws IOException {
        Instant now = clock.instant();
        long id = sql(c -> Rows.first(c, "INSERT INTO history_upload (created_at, touched_at) VALUES (?, ?)"
                + " RETURNING id", rs -> rs.getLong(1), now, now).orElseThrow());
        Future<?> writing = null;
        try {
            UploadScan scan = new UploadScan();
            byte[][] buffers = {new byte[CHUNK], new byte[CHUNK]};
            long bytes = 0;
            int seq = 0;
            byte[] chunk = buffers[0];
            for (int n = in.readNBytes(chunk, 0, CHUNK); n > 0; n = in.readNBytes(chunk, 0, CHUNK)) {
                bytes += n;
                if (bytes > limit) {
                    throw new TooLargeException(limit);
                }
                scan.scan(chunk, n);
                Future<?> previous = writing;
                writing = null;
                finish(previous);
                byte[] data = n == CHUNK ? chunk : Arrays.copyOf(chunk, n);
                int at = seq++;
                long size = bytes;
                writing = writer.submit(() -> append(id, at, data, size));
                chunk = chunk == buffers[0] ? buffers[1] : buffers[0];
            }
            Future<?> last = writing;
            writing = null;
            finish(last);
            long stored = bytes;
            sql(c -> Rows.update(c, "UPDATE history_upload SET complete = true, touched_at = ? WHERE id = ?",
                    clock.instant(), id));
            return new Stored(id, stored, scan.commits());
        } catch (IOException | RuntimeException e) {
            try {
                finish(writing);
            } catch (IOException | RuntimeException alsoFailed) {
                e.addSuppressed(alsoFailed);
            }
            delete(id);
            throw e;
        }
    }

    /** Waits for a chunk's write, if any, and rethrows its failure. */
    private static void finish(Future<?> writing) throws IOException {
        if (writing == null) {
            return;
        }
        try {
            writing.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while an upload's chunk was written", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    @PreDestroy
    void stop() {
        writer.shutdownNow();
    }

    private void append(long id, int seq, byte[] data, long bytes) {
        sql(c -> Rows.update(c, "WITH upload AS (UPDATE history_upload SET bytes = ?, chunks = ?, touched_at = ?"
                + " WHERE id = ?) INSERT INTO history_upload_chunk (upload_id, seq, data) VALUES (?, ?, ?)", bytes,
                seq + 1, clock.instant(), id, id, seq, data));
    }

    /** The whole upload, read a chunk at a time; an upload that is not complete, or gone, is refused. */
    InputStream open(long id) throws IOException {
        var size = sql(c -> Rows.first(c, "SELECT bytes, chunks FROM history_upload WHERE id = ? AND complete",
                rs -> new long[] {rs.getLong(1), rs.getLong(2)}, id));
        if (size.isEmpty()) {
            throw new IOException("upload " + id + " is not stored whole");
        }
        return new UploadChunks(this, id, size.get()[0], (int) size.get()[1]);
    }

    /** Chunk {@code seq} of upload {@code id}; null if it is not stored. */
    byte[] chunk(long id, int seq) {
        return sql(c -> Rows.first(c, "SELECT data FROM history_upload_chunk WHERE upload_id = ? AND seq = ?",
                rs -> rs.getBytes(1), id, seq).orElse(null));
    }

    /** Deletes an upload and its chunks. */
    void delete(long id) {
        sql(c -> Rows.update(c, "DELETE FROM history_upload WHERE id = ?", id));
    }

    /**
     * Deletes the uploads untouched since {@code cutoff} that no queued or running import needs: a request that broke
     * off, an instance that died before it queued the import, an import that ended without deleting its upload.
     * Every instance may do it at once; deleting twice deletes nothing more. How many.
     */
    int deleteAbandoned(Instant cutoff) {
        return sql(c -> Rows.update(c, "DELETE FROM history_upload u WHERE touched_at < ? AND NOT EXISTS (SELECT 1"
                + " FROM history_import h JOIN job j ON j.id = h.job_id WHERE h.upload_id = u.id"
                + " AND j.state IN ('QUEUED', 'RUNNING'))", cutoff));
    }

    private <T> T sql(Rows.Work<T> work) {
        try (Connection c = dataSource.getConnection()) {
            return work.on(c);
        } catch (SQLException e) {
            throw new IllegalStateException("history_upload: " + e.getMessage(), e);
        }
    }
}
