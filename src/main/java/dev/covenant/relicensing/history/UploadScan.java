package dev.covenant.relicensing.history;

import java.nio.charset.StandardCharsets;

/**
 * Reads an uploaded history as it passes, a buffer at a time: counts the lines that start a commit
 * ({@code commit <sha>}; message lines are indented, so none is mistaken for one), which gives the import its total,
 * and refuses a NUL byte, which no line of {@code git log} output holds.
 */
final class UploadScan {

    private static final byte[] COMMIT = "commit ".getBytes(StandardCharsets.US_ASCII);

    private long commits;
    private long line = 1;
    private int matched;

    /** Scans {@code n} bytes of {@code buffer}; a NUL byte throws, naming its line. */
    void scan(byte[] buffer, int n) throws HistoryUploads.NulByteException {
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
                throw new HistoryUploads.NulByteException(line);
            }
        }
    }

    long commits() {
        return commits;
    }
}
