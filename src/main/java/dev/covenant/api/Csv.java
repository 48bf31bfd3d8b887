package dev.covenant.api;

import java.util.ArrayList;
import java.util.List;

/**
 * CSV as people's spreadsheets write it ({@link #rows}, RFC 4180: quoted cells, doubled quotes, CRLF or LF), and CSV
 * cells for exports that people open in spreadsheets: every cell quoted, quotes doubled, and a value that a
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

    /** One record of a CSV text: the line it starts on (from 1) and its cells. */
    public record Row(int line, List<String> cells) {
    }

    /**
     * The records of a CSV text. A quote may open a cell only at its start; a quoted cell may hold commas, line breaks
     * and doubled quotes. Blank lines are skipped.
     *
     * @throws IllegalArgumentException naming the line, for an unterminated quote or text after a closing one
     */
    public static List<Row> rows(String text) {
        List<Row> rows = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        int line = 1;
        int rowLine = 1;
        boolean quoted = false;
        boolean wasQuoted = false;
        int n = text.length();
        for (int i = text.startsWith("\uFEFF") ? 1 : 0; i < n; i++) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < n && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    if (c == '\n') {
                        line++;
                    }
                    cell.append(c);
                }
            } else if (c == '"' && cell.isEmpty() && !wasQuoted) {
                quoted = true;
                wasQuoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
                wasQuoted = false;
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < n && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                if (!(cells.size() == 1 && cells.get(0).isEmpty() && !wasQuoted)) {
                    rows.add(new Row(rowLine, List.copyOf(cells)));
                }
                cells.clear();
                cell.setLength(0);
                wasQuoted = false;
                line++;
                rowLine = line;
            } else if (wasQuoted) {
                throw new IllegalArgumentException("line " + line + ": text after a closing quote");
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + rowLine + ": a quote is never closed");
        }
        if (!cell.isEmpty() || !cells.isEmpty() || wasQuoted) {
            cells.add(cell.toString());
            rows.add(new Row(rowLine, List.copyOf(cells)));
        }
        return rows;
    }
}
