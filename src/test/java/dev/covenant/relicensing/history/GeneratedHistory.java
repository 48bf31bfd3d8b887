package dev.covenant.relicensing.history;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * A synthetic {@code git log --numstat --pretty=fuller} history of any length, made as it is read and never held
 * whole: each {@code read} returns at most one line, so {@link #commitsStarted()} tells exactly how far a reader
 * has got. Every 50th commit is a merge (no files), every 7th has a binary file; the others change 1–3 text files.
 * Public for the history-import benchmark, which uploads one.
 */
public final class GeneratedHistory extends InputStream {

    /** The first commit's date; each next one is five minutes later, so a million commits span about ten years. */
    private static final java.time.ZonedDateTime FIRST = java.time.ZonedDateTime.parse("2005-04-07T15:13:13-07:00");
    private static final java.time.format.DateTimeFormatter GIT_DATE = java.time.format.DateTimeFormatter
            .ofPattern("EEE MMM d HH:mm:ss yyyy Z", java.util.Locale.ROOT);

    private final int commits;
    private final int people;
    private int started;
    private byte[] current = new byte[0];
    private int pos;
    private long linesAdded;
    private long bytes;

    public GeneratedHistory(int commits) {
        this(commits, 97);
    }

    /** {@code people} authors take turns, so each has about {@code commits / people} commits. */
    public GeneratedHistory(int commits, int people) {
        this.commits = commits;
        this.people = people;
    }

    /** How many commits' text has begun to be handed out. */
    int commitsStarted() {
        return started;
    }

    /** The lines added over every commit handed out so far, as a parser should total them. */
    public long linesAdded() {
        return linesAdded;
    }

    long bytes() {
        return bytes;
    }

    @Override
    public int read() {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) {
        if (len == 0) {
            return 0;
        }
        if (pos == current.length) {
            if (started == commits) {
                return -1;
            }
            current = commit(++started).getBytes(StandardCharsets.UTF_8);
            pos = 0;
        }
        int n = 0;
        while (n < len && pos < current.length) {
            byte c = current[pos++];
            b[off + n++] = c;
            if (c == '\n') {
                break;
            }
        }
        bytes += n;
        return n;
    }

    /**
     * The same history of {@code commits} commits, each read filling the buffer it is given: for a request body,
     * where a line per read would become an HTTP chunk per line (a 200,000-commit upload then took 80 s).
     */
    static InputStream inBlocks(int commits) {
        GeneratedHistory lines = new GeneratedHistory(commits);
        return new InputStream() {
            @Override
            public int read() {
                return lines.read();
            }

            @Override
            public int read(byte[] b, int off, int len) {
                int n = 0;
                while (n < len) {
                    int r = lines.read(b, off + n, len - n);
                    if (r < 0) {
                        break;
                    }
                    n += r;
                }
                return n == 0 && len > 0 ? -1 : n;
            }
        };
    }

    /** How many of the commits up to the {@code n}th (from 1) are merges, which add no line of their own. */
    public static int mergesUpTo(int n) {
        return n / 50;
    }

    private String commit(int n) {
        StringBuilder text = new StringBuilder(512);
        boolean merge = n % 50 == 0;
        text.append(n == 1 ? "" : "\n").append("commit ").append(hex(n, 40));
        if (n > 1) {
            text.append(' ').append(hex(n - 1, 40));
        }
        if (merge) {
            text.append(' ').append(hex(n - 2, 40));
        }
        text.append('\n');
        if (merge) {
            text.append("Merge: ").append(hex(n - 1, 7)).append(' ')
                    .append(hex(n - 2, 7)).append('\n');
        }
        int person = n % people;
        String date = GIT_DATE.format(FIRST.plusMinutes(5L * n));
        text.append("Author:     Person ").append(person).append(" <p").append(person).append("@example.org>\n")
                .append("AuthorDate: ").append(date).append('\n')
                .append("Commit:     Committer <committer@example.org>\n")
                .append("CommitDate: ").append(date).append("\n\n")
                .append("    Change number ").append(n).append("\n    \n")
                .append("    A body line that makes the message a little longer than a title alone.\n    \n")
                .append("    Co-authored-by: Helper ").append(n % 13).append(" <h").append(n % 13)
                .append("@example.org>\n");
        if (merge) {
            return text.toString();
        }
        text.append('\n');
        for (int f = 0; f <= n % 3; f++) {
            int added = n % 17 + f;
            linesAdded += added;
            text.append(added).append('\t').append(n % 5).append("\tsrc/module").append(n % 31).append("/File")
                    .append(f).append(".java\n");
        }
        if (n % 7 == 0) {
            text.append("-\t-\tassets/image").append(n).append(".png\n");
        }
        return text.toString();
    }

    /** The sha of the {@code n}th commit (from 1); it reaches the {@code n} commits up to it, itself included. */
    public static String shaOf(int n) {
        return hex(n, 40);
    }

    /** The author date of commit {@code n} (from 1), as an instant: for asking a report up to it. */
    public static String dateOf(int n) {
        return FIRST.plusMinutes(5L * n).toInstant().toString();
    }

    /** {@code n} in lower-case hex, zero-padded to {@code width}: the sha of commit {@code n}. */
    static String hex(int n, int width) {
        String digits = Integer.toHexString(n);
        return "0".repeat(Math.max(0, width - digits.length())) + digits;
    }
}
