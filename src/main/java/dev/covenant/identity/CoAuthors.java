package dev.covenant.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code Co-authored-by: Name <email>} trailers of a commit message, as {@code git interpret-trailers --parse}
 * reads them ({@link Trailers}): only in the message's trailer block, never a line in the middle of the message.
 * Trailers whose value is not {@code Name <address>} are ignored.
 */
public final class CoAuthors {

    /** One co-author as the trailer names them; the e-mail address is lower-cased. */
    public record CoAuthor(String name, String email) {
    }

    private static final Pattern VALUE = Pattern.compile("^(.+?)\\s*<([^>]+)>$");
    private static final Pattern ADDRESS = Pattern.compile("[^\\s@<>]+@[^\\s@<>]+");

    private CoAuthors() {
    }

    /** In order of first appearance, one per e-mail address. */
    public static List<CoAuthor> parse(String message) {
        if (message == null || message.isEmpty()) {
            return List.of();
        }
        Map<String, CoAuthor> byEmail = new LinkedHashMap<>();
        for (Trailers.Trailer trailer : Trailers.parse(message)) {
            Matcher m = VALUE.matcher(trailer.value());
            if (!trailer.token().equalsIgnoreCase("co-authored-by") || !m.matches()) {
                continue;
            }
            String name = m.group(1).strip();
            String email = m.group(2).strip().toLowerCase();
            if (name.isEmpty() || !ADDRESS.matcher(email).matches()) {
                continue;
            }
            byEmail.putIfAbsent(email, new CoAuthor(name, email));
        }
        return List.copyOf(byEmail.values());
    }
}
