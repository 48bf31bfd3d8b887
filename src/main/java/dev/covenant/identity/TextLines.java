package dev.covenant.identity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Lines of text in an unknown encoding, one at a time: each line is read as UTF-8 or, when it is not valid UTF-8,
 * as ISO-8859-1, which accepts any byte, so an old history with a Latin-1 name never fails to decode. Lines end
 * with LF or CRLF. The stream is read only as far as the line asked for needs, and a line longer than the limit is
 * refused, so memory stays bounded whatever the input. The caller closes the stream.
 */
public final class TextLines {

    public static final int DEFAULT_MAX_LINE_BYTES = 1 << 20;
    /** How many characters of a refused line are kept to show where it went wrong. */
    private static final int MAX_SHOWN = 200;

    /** A line past the limit; {@code start} is its beginning, decoded. */
    public static final class LineTooLongException extends IOException {
        public final long lineNumber;
        public final String start;
        public final int limit;

        LineTooLongException(long lineNumber, String start, int limit) {
            super("line " + lineNumber + " is longer than " + limit + " bytes");
            this.lineNumber = lineNumber;
            this.start = start;
            this.limit = limit;
        }
    }

    private final InputStream in;
    private final int maxLineBytes;
    private final byte[] buffer = new byte[64 * 1024];
    private final CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    private byte[] pending = new byte[256];
    private int pos;
    private int limit;
    private long lineNumber;

    public TextLines(InputStream in) {
        this(in, DEFAULT_MAX_LINE_BYTES);
    }

    public TextLines(InputStream in, int maxLineBytes) {
        this.in = in;
        this.maxLineBytes = maxLineBytes;
    }

    /** How many lines {@link #next()} has returned. */
    public long lineNumber() {
        return lineNumber;
    }

    /** The next line without its line end, or null when the input is exhausted. */
    public String next() throws IOException {
        int length = 0;
        while (true) {
            if (pos == limit && !fill()) {
                return length == 0 ? null : decode(pending, 0, length);
            }
            int end = pos;
            while (end < limit && buffer[end] != '\n') {
                end++;
            }
            if (end < limit && length == 0 && end - pos <= maxLineBytes) {
                // The whole line is in the buffer: no copy.
                String line = decode(buffer, pos, end - pos);
                pos = end + 1;
                return line;
            }
            length = append(length, end - pos);
            boolean complete = end < limit;
            pos = complete ? end + 1 : end;
            if (complete) {
                return decode(pending, 0, length);
            }
        }
    }

    private boolean fill() throws IOException {
        int n;
        do {
            n = in.read(buffer, 0, buffer.length);
        } while (n == 0);
        pos = 0;
        limit = Math.max(n, 0);
        return n > 0;
    }

    private int append(int length, int count) throws LineTooLongException {
        if (length + count > maxLineBytes) {
            lineNumber++;
            byte[] start = new byte[Math.min(length + count, MAX_SHOWN * 4)];
            int fromPending = Math.min(length, start.length);
            System.arraycopy(pending, 0, start, 0, fromPending);
            System.arraycopy(buffer, pos, start, fromPending, start.length - fromPending);
            throw new LineTooLongException(lineNumber, decodeAny(start, 0, start.length), maxLineBytes);
        }
        if (length + count > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(length + count, pending.length * 2));
        }
        System.arraycopy(buffer, pos, pending, length, count);
        return length + count;
    }

    private String decode(byte[] bytes, int offset, int length) {
        lineNumber++;
        if (length > 0 && bytes[offset + length - 1] == '\r') {
            length--;
        }
        return decodeAny(bytes, offset, length);
    }

    private String decodeAny(byte[] bytes, int offset, int length) {
        boolean ascii = true;
        for (int i = offset; i < offset + length && ascii; i++) {
            ascii = bytes[i] >= 0;
        }
        if (ascii) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
        try {
            return utf8.reset().decode(ByteBuffer.wrap(bytes, offset, length)).toString();
        } catch (CharacterCodingException notUtf8) {
            return new String(bytes, offset, length, StandardCharsets.ISO_8859_1);
        }
    }
}
