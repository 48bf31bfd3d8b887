package dev.covenant.relicensing.history;

import java.io.IOException;
import java.io.InputStream;

/**
 * A stored upload read back in order, one chunk (one short query) at a time, so that memory holds one chunk whatever
 * the upload's size. A chunk that is missing, or a size that differs from what was stored, is an error rather than
 * a shorter history.
 */
final class UploadChunks extends InputStream {

    private final HistoryUploads uploads;
    private final long id;
    private final long bytes;
    private final int chunks;
    private byte[] chunk = new byte[0];
    private int position;
    private int next;
    private long read;

    UploadChunks(HistoryUploads uploads, long id, long bytes, int chunks) {
        this.uploads = uploads;
        this.id = id;
        this.bytes = bytes;
        this.chunks = chunks;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (position == chunk.length && !fetch()) {
            return -1;
        }
        int n = Math.min(len, chunk.length - position);
        System.arraycopy(chunk, position, b, off, n);
        position += n;
        read += n;
        return n;
    }

    /** The next chunk; false at the end of a whole upload. */
    private boolean fetch() throws IOException {
        if (next == chunks) {
            if (read != bytes) {
                throw new IOException("upload " + id + " holds " + read + " bytes, not the " + bytes + " stored");
            }
            return false;
        }
        byte[] data;
        try {
            data = uploads.chunk(id, next);
        } catch (IllegalStateException e) {
            throw new IOException("reading upload " + id + " failed: " + e.getMessage(), e);
        }
        if (data == null || data.length == 0) {
            throw new IOException("upload " + id + " lacks its chunk " + next + " (deleted while it was read?)");
        }
        chunk = data;
        position = 0;
        next++;
        return true;
    }
}
