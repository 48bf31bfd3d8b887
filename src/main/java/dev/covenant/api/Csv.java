package dev.covenant.api;

/**
 * CSV cells for exports that people open in spreadsheets: every cell quoted, quotes doubled, and a value that a
 * spreadsheet would run as a formula (starting with {@code = + - @}, a tab or a carriage return) prefixed with an
 * apostrophe, so that an attacker-chosen name or address cannot become a formula (CSV injection).
 */
public final class Csv {

    private Csv() {
    }

    /** A quoted cell; null is an empty one. */
    public static String cell(Object value) {
        String v = value == null ? "" : value.toString();
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
