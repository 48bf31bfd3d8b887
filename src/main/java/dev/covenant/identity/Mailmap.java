package dev.covenant.identity;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * A {@code .mailmap} file, read the way git reads it (gitmailmap(5), checked against {@code git check-mailmap}), so
 * a history walked from a clone gets the names {@code git log --use-mailmap} would print:
 * <ul>
 * <li>{@code Proper Name <commit@email>} replaces the name; {@code <proper@email> <commit@email>} the address;
 * {@code Proper Name <proper@email> <commit@email>} both; {@code Proper Name <proper@email> Commit Name
 * <commit@email>} both, only for that name. A later line for the same address, or address and name, wins (the
 * first two forms each replace only what they give).</li>
 * <li>Addresses and names match ignoring the case of ASCII letters only, names as a whole.</li>
 * <li>A line starting with {@code #} is a comment, and so is whatever follows the last {@code >}; a {@code #}
 * elsewhere is part of a name, as in git. Lines without {@code <…>} are ignored.</li>
 * </ul>
 */
public final class Mailmap {

    /** What one line maps to; null parts are left as the commit had them. */
    private record Replacement(String name, String email) {
    }

    /** Everything mapped from one commit address: by that address alone, and by address and name. */
    private static final class Entry {
        String name;
        String email;
        final Map<String, Replacement> byName = new HashMap<>();
    }

    private final Map<String, Entry> byEmail = new HashMap<>();

    private Mailmap() {
    }

    /** Reads a {@code .mailmap}'s bytes, each line as UTF-8 or else ISO-8859-1. The caller closes the stream. */
    public static Mailmap read(InputStream in) throws IOException {
        Mailmap mailmap = new Mailmap();
        TextLines lines = new TextLines(in);
        for (String line = lines.next(); line != null; line = lines.next()) {
            mailmap.add(line);
        }
        return mailmap;
    }

    public static Mailmap parse(String text) {
        try {
            return read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException("a .mailmap in memory could not be read", e);
        }
    }

    public boolean isEmpty() {
        return byEmail.isEmpty();
    }

    /** The canonical identity for what a commit recorded; the same identity when no line maps it. */
    public GitIdent resolve(GitIdent commit) {
        Entry entry = byEmail.get(fold(commit.email()));
        if (entry == null) {
            return commit;
        }
        Replacement replacement = entry.byName.get(fold(commit.name()));
        String name = replacement != null ? replacement.name() : entry.name;
        String email = replacement != null ? replacement.email() : entry.email;
        return new GitIdent(name != null ? name : commit.name(), email != null ? email : commit.email());
    }

    public GitIdent resolve(String name, String email) {
        return resolve(new GitIdent(name, email));
    }

    private void add(String line) {
        if (line.startsWith("#")) {
            return;
        }
        MailmapLine parsed = MailmapLine.parse(line);
        if (parsed == null) {
            return;
        }
        Entry entry = byEmail.computeIfAbsent(fold(parsed.commitEmail()), e -> new Entry());
        if (parsed.commitName() != null) {
            entry.byName.put(fold(parsed.commitName()), new Replacement(parsed.properName(), parsed.properEmail()));
            return;
        }
        if (parsed.properName() != null) {
            entry.name = parsed.properName();
        }
        if (parsed.properEmail() != null) {
            entry.email = parsed.properEmail();
        }
    }

    /** Git compares with strcasecmp: ASCII letters only, so 'É' and 'é' stay different. */
    static String fold(String s) {
        StringBuilder folded = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= 'A' && c <= 'Z') {
                if (folded == null) {
                    folded = new StringBuilder(s);
                }
                folded.setCharAt(i, (char) (c + ('a' - 'A')));
            }
        }
        return folded == null ? s : folded.toString();
    }
}
