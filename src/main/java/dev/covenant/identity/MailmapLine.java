package dev.covenant.identity;

/**
 * One mapping line of a {@code .mailmap}: what to show ({@code properName}, {@code properEmail}, either may be null)
 * for commits with {@code commitEmail} and, when it is not null, {@code commitName}.
 */
record MailmapLine(String properName, String properEmail, String commitName, String commitEmail) {

    /** Null when the line maps nothing: no {@code <…>}, or an empty first address. */
    static MailmapLine parse(String line) {
        int open = line.indexOf('<');
        int close = open < 0 ? -1 : line.indexOf('>', open + 1);
        if (close < 0 || close == open + 1) {
            return null;
        }
        String firstName = nameOrNull(line.substring(0, open));
        String firstEmail = line.substring(open + 1, close);
        String rest = line.substring(close + 1);
        int open2 = rest.indexOf('<');
        int close2 = open2 < 0 ? -1 : rest.indexOf('>', open2 + 1);
        if (close2 < 0) {
            // Only one address: it is the commit's, and only the name is replaced.
            return new MailmapLine(firstName, null, null, firstEmail);
        }
        return new MailmapLine(firstName, firstEmail, nameOrNull(rest.substring(0, open2)),
                rest.substring(open2 + 1, close2));
    }

    private static String nameOrNull(String text) {
        String name = text.strip();
        return name.isEmpty() ? null : name;
    }
}
