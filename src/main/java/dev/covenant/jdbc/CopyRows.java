package dev.covenant.jdbc;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's {@code COPY ... FROM STDIN} text format, built into a reusable byte buffer: columns separated
 * by tabs, rows ended by a newline, {@code \N} for null, and backslash, tab, newline and carriage return escaped. A
 * NUL character, which PostgreSQL text cannot hold, becomes U+FFFD.
 */
public final class CopyRows {

    private byte[] bytes = new byte[1 << 18];
    private int length;
    private boolean rowStarted;

    public int length() {
        return length;
    }

    public byte[] bytes() {
        return bytes;
    }

    public void clear() {
        length = 0;
    }

    public CopyRows text(String value) {
        separate();
        if (value == null) {
            return raw("\\N");
        }
        StringBuilder escaped = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            String replacement = switch (c) {
                case '\\' -> "\\\\";
                case '\t' -> "\\t";
                case '\n' -> "\\n";
                case '\r' -> "\\r";
                case '\0' -> "\uFFFD";
                default -> null;
            };
            if (replacement != null && escaped == null) {
                escaped = new StringBuilder(value.length() + 8).append(value, 0, i);
            }
            if (escaped != null) {
                if (replacement != null) {
                    escaped.append(replacement);
                } else {
                    escaped.append(c);
                }
            }
        }
        return raw(escaped == null ? value : escaped.toString());
    }

    public CopyRows number(long value) {
        separate();
        return raw(Long.toString(value));
    }

    public CopyRows bool(boolean value) {
        separate();
        return raw(value ? "t" : "f");
    }

    /** ISO-8601 with the offset, which PostgreSQL reads as a timestamptz. */
    public CopyRows time(OffsetDateTime value) {
        separate();
        return raw(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
    }

    public CopyRows nulls(int count) {
        for (int i = 0; i < count; i++) {
            text(null);
        }
        return this;
    }

    public void endRow() {
        ensure(1);
        bytes[length++] = '\n';
        rowStarted = false;
    }

    private void separate() {
        if (rowStarted) {
            ensure(1);
            bytes[length++] = '\t';
        }
        rowStarted = true;
    }

    private CopyRows raw(String s) {
        byte[] encoded = s.getBytes(StandardCharsets.UTF_8);
        ensure(encoded.length);
        System.arraycopy(encoded, 0, bytes, length, encoded.length);
        length += encoded.length;
        return this;
    }

    private void ensure(int more) {
        if (length + more > bytes.length) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + more));
        }
    }
}
