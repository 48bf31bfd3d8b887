package dev.covenant.relicensing.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * An uploaded history, copied to a temporary file as it arrives so that the request's memory stays at one buffer
 * whatever its size, and the import can run after the answer. On the way it counts the lines that start a commit
 * ({@code commit <sha>}; message lines are indented, so none is mistaken for one), which gives the import its total.
 * The file stays until the import ends, so that an import resumed after a restart of this instance reads it again.
 */
record HistorySpool(Path file, long bytes, long commits) {

    /** The upload was larger than allowed; what was written is deleted. */
    static final class TooLargeException extends IOException {
        final long limit;

        TooLargeException(long limit) {
            super("the history is larger than " + limit + " bytes");
            this.limit = limit;
        }
    }

    /** The upload holds a NUL byte, which no line of git log output does; what was written is deleted. */
    static final class NulByteException extends IOException {
        final long line;

        NulByteException(long line) {
            super("line " + line + " holds a NUL byte, which git log output never does");
            this.line = line;
        }
    }

    private static final byte[] COMMIT = "commit ".getBytes(java.nio.charset.StandardCharsets.US_ASCII);

    /** Reads {@code in} to its end into a new file in {@code dir}; the caller closes {@code in} and deletes the file. */
    static HistorySpool write(InputStream in, Path dir, long limit) throws IOException {
        Files.createDirectories(dir);
        Path file = Files.createTempFile(dir, "history-", ".txt");
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[1 << 16];
            long bytes = 0;
            long commits = 0;
            int matched = 0;
            long line = 1;
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                bytes += n;
                if (bytes > limit) {
                    throw new TooLargeException(limit);
                }
                for (int i = 0; i < n; i++) {
                    byte b = buffer[i];
                    if (matched >= 0 && matched < COMMIT.length) {
                        matched = b == COMMIT[matched] ? matched + 1 : -1;
                        if (matched == COMMIT.length) {
                            commits++;
                        }
                    }
                    if (b == '\n') {
                        matched = 0;
                        line++;
                    } else if (b == 0) {
                        throw new NulByteException(line);
                    }
                }
                out.write(buffer, 0, n);
            }
            return new HistorySpool(file, bytes, commits);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    void delete() {
        delete(file);
    }

    /** Deletes a spooled history, once its import has ended. */
    static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot delete the spooled history " + file, e);
        }
    }
}
