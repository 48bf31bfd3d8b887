package dev.covenant.relicensing.history;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Paths as git prints them: as they are, or, when they hold a quote, a backslash, a control character or (with
 * {@code core.quotePath}, the default) a non-ASCII byte, C-style in double quotes with octal escapes for bytes
 * ({@code "na\303\257ve.txt"}). The bytes are read as UTF-8, or ISO-8859-1 when they are not valid UTF-8.
 */
final class QuotedPath {

    private QuotedPath() {
    }

    /** The path, or null when a quoted path is malformed. */
    static String unquote(String printed) {
        if (!printed.startsWith("\"")) {
            return printed;
        }
        if (printed.length() < 2 || !printed.endsWith("\"")) {
            return null;
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(printed.length());
        int end = printed.length() - 1;
        for (int i = 1; i < end; i++) {
            char c = printed.charAt(i);
            if (c == '"') {
                return null;
            }
            if (c != '\\') {
                // Unquoted characters (core.quotePath=false leaves non-ASCII as it is) go back to UTF-8 bytes.
                int codePoint = printed.codePointAt(i);
                bytes.writeBytes(Character.toString(codePoint).getBytes(StandardCharsets.UTF_8));
                i += Character.charCount(codePoint) - 1;
                continue;
            }
            if (++i == end) {
                return null;
            }
            char e = printed.charAt(i);
            if (e >= '0' && e <= '3') {
                if (i + 2 >= end || !isOctal(printed.charAt(i + 1)) || !isOctal(printed.charAt(i + 2))) {
                    return null;
                }
                bytes.write((e - '0') * 64 + (printed.charAt(i + 1) - '0') * 8 + (printed.charAt(i + 2) - '0'));
                i += 2;
                continue;
            }
            int escaped = escaped(e);
            if (escaped < 0) {
                return null;
            }
            bytes.write(escaped);
        }
        byte[] raw = bytes.toByteArray();
        String utf8 = new String(raw, StandardCharsets.UTF_8);
        return Arrays.equals(utf8.getBytes(StandardCharsets.UTF_8), raw)
                ? utf8
                : new String(raw, StandardCharsets.ISO_8859_1);
    }

    private static boolean isOctal(char c) {
        return c >= '0' && c <= '7';
    }

    private static int escaped(char e) {
        return switch (e) {
            case 'a' -> 7;
            case 'b' -> '\b';
            case 't' -> '\t';
            case 'n' -> '\n';
            case 'v' -> 11;
            case 'f' -> '\f';
            case 'r' -> '\r';
            case '"' -> '"';
            case '\\' -> '\\';
            default -> -1;
        };
    }
}
