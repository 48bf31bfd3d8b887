package dev.covenant.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code Co-authored-by: Name <email>} trailers of a commit message, as {@code git interpret-trailers --parse}
 * reads them ({@link Trailers}): only in the message's trailer block, never a line in the middle of the message.
 * Trailers whose value is not {@code Name <address>} are ignored.
 */
public final class CoAuthors {

    /** One co-author as the trailer names them; the e-mail address is lower-cased. */
    public record CoAuthor(String name, String email) {
    }

    private CoAuthors() {
    }

    /** In order of first appearance, one per e-mail address. */
    public static List<CoAuthor> parse(String message) {
        if (message == null || message.isEmpty()) {
            return List.of();
        }
        Map<String, CoAuthor> byEmail = new LinkedHashMap<>();
        for (Trailers.Trailer trailer : Trailers.parse(message)) {
            if (!trailer.token().equalsIgnoreCase("co-authored-by")) {
                continue;
            }
            String[] parts = nameAndAddress(trailer.value());
            if (parts == null) {
                continue;
            }
            String name = parts[0].strip();
            String email = parts[1].strip().toLowerCase();
            if (name.isEmpty() || !isAddress(email)) {
                continue;
            }
            byEmail.putIfAbsent(email, new CoAuthor(name, email));
        }
        return List.copyOf(byEmail.values());
    }

    /**
     * The name and the address of {@code Name <address>}, as the expression {@code ^(.+?)\\s*<([^>]+)>$} would take
     * them (the shortest name, then spaces, then one {@code <address>} at the very end holding no {@code >}), or null.
     * Read by hand: two expressions per co-author were a fifth of a history import, compiling included.
     */
    static String[] nameAndAddress(String value) {
        int n = value.length();
        if (n < 4 || value.charAt(n - 1) != '>') {
            return null;
        }
        // The address lies between a '<' and the final '>', with no '>' of its own.
        int lastInner = value.lastIndexOf('>', n - 2);
        int open = 0;
        for (int nameEnd = 1; nameEnd < n; nameEnd++) {
            if (isLineTerminator(value.charAt(nameEnd - 1))) {
                // The name matches no line terminator, and a longer one would hold this one too.
                return null;
            }
            if (open < nameEnd) {
                // Past the spaces after a shorter name: those after this one end where they did.
                open = nameEnd;
                while (open < n && isSpace(value.charAt(open))) {
                    open++;
                }
            }
            if (open < n && value.charAt(open) == '<' && open > lastInner && open < n - 2) {
                return new String[] {value.substring(0, nameEnd), value.substring(open + 1, n - 1)};
            }
        }
        return null;
    }

    /** As {@code [^\\s@<>]+@[^\\s@<>]+} matches the whole text. */
    static boolean isAddress(String email) {
        int at = -1;
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (c == '@') {
                if (at >= 0) {
                    return false;
                }
                at = i;
            } else if (c == '<' || c == '>' || isSpace(c)) {
                return false;
            }
        }
        return at > 0 && at < email.length() - 1;
    }

    /** {@code \\s} of a Java expression: ASCII spaces only. */
    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** What {@code .} does not match. */
    private static boolean isLineTerminator(char c) {
        return c == '\n' || c == '\r' || c == '\u0085' || c == '\u2028' || c == '\u2029';
    }
}
