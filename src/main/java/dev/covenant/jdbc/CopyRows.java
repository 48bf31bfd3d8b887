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

    /** The buffer's size at the start; a value that does not fit grows it. */
    private static final int CAPACITY = 1 << 18;
    /**
     * When a writer should send what is buffered: a quarter short of the buffer's size, so the row that crosses it
     * still fits (sending at exactly the size grew every stream's buffer to twice its size for one row).
     */
    private static final int SEND_AT = CAPACITY - CAPACITY / 4;

    private byte[] bytes = new byte[CAPACITY];
    private int length;
    private boolean rowStarted;

    public int length() {
        return length;
    }

    /** Whether what is buffered should be sent now. */
    boolean full() {
        return length >= SEND_AT;
    }

    public byte[] bytes() {
        return bytes;
    }

    public void clear() {
        length = 0;
    }

    /**
     * Written straight into the buffer as UTF-8, escaped: a history import writes a few hundred thousand of these, and
     * a string and an array per value cost more there than the copy itself. A lone surrogate becomes {@code ?}, as
     * {@code String.getBytes} writes it.
     */
    public CopyRows text(String value) {
        separate();
        if (value == null) {
            return raw("\\N");
        }
        int n = value.length();
        // Three bytes per char at most: an escape takes two, a surrogate pair four for two chars.
        ensure(n * 3);
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c < 0x80) {
                switch (c) {
                    case '\\' -> escape('\\');
                    case '\t' -> escape('t');
                    case '\n' -> escape('n');
                    case '\r' -> escape('r');
                    case '\0' -> threeBytes('\uFFFD');
                    default -> bytes[length++] = (byte) c;
                }
            } else if (c < 0x800) {
                bytes[length++] = (byte) (0xC0 | c >> 6);
                bytes[length++] = (byte) (0x80 | c & 0x3F);
            } else if (Character.isHighSurrogate(c) && i + 1 < n && Character.isLowSurrogate(value.charAt(i + 1))) {
                int cp = Character.toCodePoint(c, value.charAt(++i));
                bytes[length++] = (byte) (0xF0 | cp >> 18);
                bytes[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | cp & 0x3F);
            } else if (Character.isSurrogate(c)) {
                bytes[length++] = '?';
            } else {
                threeBytes(c);
            }
        }
        return this;
    }

    /** A backslash and {@code c}; room is ensured by {@link #text}. */
    private void escape(char c) {
        bytes[length++] = '\\';
        bytes[length++] = (byte) c;
    }

    /** {@code c} in three bytes of UTF-8; room is ensured by {@link #text}. */
    private void threeBytes(char c) {
        bytes[length++] = (byte) (0xE0 | c >> 12);
        bytes[length++] = (byte) (0x80 | c >> 6 & 0x3F);
        bytes[length++] = (byte) (0x80 | c & 0x3F);
    }

    public CopyRows number(long value) {
        separate();
        if (value < 0) {
            return raw(Long.toString(value));
        }
        ensure(19);
        int digits = 1;
        for (long rest = value / 10; rest > 0; rest /= 10) {
            digits++;
        }
        for (int i = length + digits - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += digits;
        return this;
    }

    public CopyRows bool(boolean value) {
        separate();
        ensure(1);
        bytes[length++] = (byte) (value ? 't' : 'f');
        return this;
    }

    /**
     * ISO-8601 with the offset, which PostgreSQL reads as a timestamptz: what {@code ISO_OFFSET_DATE_TIME} writes,
     * written by hand for the years 0 to 9999 (the formatter made a {@code BigDecimal} for every fraction and cost a
     * tenth of a history import), by the formatter for the others.
     */
    public CopyRows time(OffsetDateTime value) {
        separate();
        int year = value.getYear();
        if (year < 0 || year > 9999) {
            return raw(DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(value));
        }
        ensure(35);
        digits(year, 4);
        bytes[length++] = '-';
        digits(value.getMonthValue(), 2);
        bytes[length++] = '-';
        digits(value.getDayOfMonth(), 2);
        bytes[length++] = 'T';
        digits(value.getHour(), 2);
        bytes[length++] = ':';
        digits(value.getMinute(), 2);
        bytes[length++] = ':';
        digits(value.getSecond(), 2);
        int nano = value.getNano();
        if (nano != 0) {
            int width = 9;
            while (nano % 10 == 0) {
                nano /= 10;
                width--;
            }
            bytes[length++] = '.';
            digits(nano, width);
        }
        int offset = value.getOffset().getTotalSeconds();
        if (offset == 0) {
            bytes[length++] = 'Z';
            return this;
        }
        bytes[length++] = (byte) (offset < 0 ? '-' : '+');
        int abs = Math.abs(offset);
        digits(abs / 3600, 2);
        bytes[length++] = ':';
        digits(abs / 60 % 60, 2);
        if (abs % 60 != 0) {
            bytes[length++] = ':';
            digits(abs % 60, 2);
        }
        return this;
    }

    /** {@code value} (not negative) in exactly {@code width} digits, zero-padded; room is ensured by the caller. */
    private void digits(int value, int width) {
        for (int i = length + width - 1; i >= length; i--) {
            bytes[i] = (byte) ('0' + value % 10);
            value /= 10;
        }
        length += width;
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
