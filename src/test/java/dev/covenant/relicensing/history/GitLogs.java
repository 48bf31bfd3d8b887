package dev.covenant.relicensing.history;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Test helpers: a history from a fixture or a string, parsed to a list (fine for small ones). */
final class GitLogs {

    private GitLogs() {
    }

    static List<ParsedCommit> fixture(String name) {
        try (InputStream in = GitLogs.class.getResourceAsStream("/relicensing/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no fixture relicensing/" + name);
            }
            return parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<ParsedCommit> parse(String text) {
        return parse(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<ParsedCommit> parse(byte[] bytes) {
        return parse(new ByteArrayInputStream(bytes));
    }

    static List<ParsedCommit> parse(InputStream in) {
        List<ParsedCommit> commits = new ArrayList<>();
        GitLogParser.forEach(in, commits::add);
        return commits;
    }

    /** One commit in git's layout, with the given message lines (indented here) and numstat lines. */
    static String commit(String sha, List<String> messageLines, List<String> numstat) {
        StringBuilder text = new StringBuilder()
                .append("commit ").append(sha).append('\n')
                .append("Author:     Ada Lovelace <ada@example.org>\n")
                .append("AuthorDate: Thu Apr 7 15:13:13 2005 -0700\n")
                .append("Commit:     Grace Hopper <grace@example.org>\n")
                .append("CommitDate: Fri Apr 8 06:14:13 2005 +0530\n")
                .append('\n');
        messageLines.forEach(line -> text.append("    ").append(line).append('\n'));
        if (!messageLines.isEmpty() && !numstat.isEmpty()) {
            text.append('\n');
        }
        numstat.forEach(line -> text.append(line).append('\n'));
        return text.toString();
    }

    static String sha(int n) {
        return String.format("%040x", n);
    }
}
