package dev.covenant.relicensing.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.function.Consumer;

import dev.covenant.identity.CoAuthors;
import dev.covenant.identity.GitIdent;
import dev.covenant.identity.TextLines;

/**
 * Reads a repository's history, one commit at a time, from the output of exactly
 *
 * <pre>
 * git log --parents --numstat --no-renames --use-mailmap --pretty='format:commit %H %P%nAuthor:     %aN <%aE>
 * %nAuthorRaw:  %an <%ae>%nAuthorDate: %ad%nCommit:     %cN <%cE>%nCommitDate: %cd%n%n%w(0,4,4)%B'
 * </pre>
 *
 * ({@link #COMMAND}), optionally with {@code --all}, {@code --reverse} or a revision range: {@code --pretty=fuller}'s
 * layout with the parents on the {@code commit} line and the address the author wrote ({@code AuthorRaw:}) beside
 * the one the {@code .mailmap} maps it to ({@code Author:}). The older
 * {@code git log --numstat --pretty=fuller --no-renames --use-mailmap} is still read, without parents or written
 * addresses. {@code --no-renames} makes a rename a deletion plus an addition, so every line is credited to a
 * path. Merges and empty commits come with no files. The date must be in
 * git's default format (or iso, iso-strict, rfc, raw: see {@link GitDates}); git expands tabs in messages to spaces
 * unless {@code --no-expand-tabs} is added, which this reader also accepts.
 *
 * <p>
 * Memory is bounded by one commit: the stream is read one line ahead of the commit handed out, and nothing is kept
 * once it has been. A line that does not fit the format where it stands stops the reading with a
 * {@link GitLogFormatException} naming the line; input/output errors surface as {@link UncheckedIOException}. Once
 * either was thrown, every further call throws it again. The caller closes the stream.
 */
public final class GitLogParser implements Iterator<ParsedCommit> {

    /** The command whose output an upload should be: every commit with its parents, both addresses and numstat. */
    public static final String FORMAT = "format:commit %H %P%nAuthor:     %aN <%aE>%nAuthorRaw:  %an <%ae>"
            + "%nAuthorDate: %ad%nCommit:     %cN <%cE>%nCommitDate: %cd%n%n%w(0,4,4)%B";
    /** {@link #FORMAT} with the options it goes with, as a shell command. */
    public static final String COMMAND = "git log --parents --numstat --no-renames --use-mailmap --pretty='" + FORMAT
            + "'";

    private final TextLines lines;
    private String peeked;
    private ParsedCommit ready;
    private RuntimeException failure;

    public GitLogParser(InputStream in) {
        this(in, TextLines.DEFAULT_MAX_LINE_BYTES);
    }

    GitLogParser(InputStream in, int maxLineBytes) {
        this.lines = new TextLines(in, maxLineBytes);
    }

    /** Hands every commit to {@code action} as soon as it is read; returns how many there were. */
    public static long forEach(InputStream in, Consumer<? super ParsedCommit> action) {
        GitLogParser parser = new GitLogParser(in);
        long count = 0;
        while (parser.hasNext()) {
            action.accept(parser.next());
            count++;
        }
        return count;
    }

    /** How many lines have been read so far (one ahead of the commit last handed out). */
    public long linesRead() {
        return lines.lineNumber();
    }

    @Override
    public boolean hasNext() {
        if (ready != null) {
            return true;
        }
        if (failure != null) {
            throw failure;
        }
        try {
            ready = readCommit();
        } catch (IOException e) {
            failure = e instanceof TextLines.LineTooLongException tooLong
                    ? new GitLogFormatException(tooLong.lineNumber, tooLong.start,
                            "expected a line of at most " + tooLong.limit + " bytes")
                    : new UncheckedIOException("reading the history failed after line " + linesRead(), e);
            throw failure;
        } catch (GitLogFormatException e) {
            failure = e;
            throw e;
        }
        return ready != null;
    }

    @Override
    public ParsedCommit next() {
        if (!hasNext()) {
            throw new NoSuchElementException("the history has no more commits");
        }
        ParsedCommit commit = ready;
        ready = null;
        return commit;
    }

    private ParsedCommit readCommit() throws IOException {
        String line = take();
        while (line != null && line.isEmpty()) {
            line = take();
        }
        if (line == null) {
            return null;
        }
        List<String> shas = GitLogLines.commit(line);
        check(shas != null, line, "expected 'commit <sha>' with a sha of 40 or 64 hex digits, then its parents'"
                + " shas with --parents");
        String sha = shas.get(0);
        List<String> mergeParents = List.of();
        line = take();
        if (line != null && line.startsWith("Merge:")) {
            mergeParents = GitLogLines.mergeParents(line);
            check(mergeParents != null, line, "expected 'Merge: <parent> <parent>…' with two or more abbreviated shas");
            line = take();
        }
        GitIdent author = GitLogLines.ident(line, "Author:");
        check(author != null, line, "expected 'Author: <name> <<email>>' after the 'commit' line");
        GitIdent written = author;
        line = take();
        if (line != null && line.startsWith("AuthorRaw:")) {
            written = GitLogLines.ident(line, "AuthorRaw:");
            check(written != null, line, "expected 'AuthorRaw: <name> <<email>>' (%an <%ae>) after 'Author:'");
            line = take();
        }
        OffsetDateTime authoredAt = GitLogLines.date(line, "AuthorDate:");
        check(authoredAt != null, line, "expected 'AuthorDate: <date>' after 'Author:', as --pretty=fuller prints it"
                + " with git's default date format (e.g. 'Thu Apr 7 15:13:13 2005 -0700')");
        GitIdent committer = GitLogLines.ident(line = take(), "Commit:");
        check(committer != null, line, "expected 'Commit: <name> <<email>>' after 'AuthorDate:'");
        OffsetDateTime committedAt = GitLogLines.date(line = take(), "CommitDate:");
        check(committedAt != null, line, "expected 'CommitDate: <date>' after 'Commit:', in git's default date"
                + " format (e.g. 'Thu Apr 7 15:13:13 2005 -0700')");
        line = take();
        check(line != null && line.isEmpty(), line, "expected a blank line after 'CommitDate:'");
        String message = readMessage();
        List<FileChange> files = readFiles();
        return new ParsedCommit(sha, shas.subList(1, shas.size()), mergeParents, author, written, authoredAt,
                committer, committedAt, message, CoAuthors.parse(message), files);
    }

    /**
     * The lines indented by 4 spaces, un-indented. Git prints a blank message line as 4 spaces; a blank line
     * followed by more indented text is taken as one too, in case something stripped the trailing spaces.
     */
    private String readMessage() throws IOException {
        StringBuilder message = new StringBuilder();
        int blanks = 0;
        boolean first = true;
        for (String line = peek(); line != null; line = peek()) {
            if (line.isEmpty()) {
                blanks++;
            } else if (line.startsWith("    ")) {
                if (!first) {
                    message.append("\n".repeat(blanks + 1));
                }
                message.append(line, 4, line.length());
                first = false;
                blanks = 0;
            } else {
                break;
            }
            take();
        }
        return message.toString();
    }

    /** The numstat lines, up to the next commit or the end; blank lines between are passed over. */
    private List<FileChange> readFiles() throws IOException {
        List<FileChange> files = new ArrayList<>();
        for (String line = peek(); line != null && !line.startsWith("commit "); line = peek()) {
            take();
            if (line.isEmpty()) {
                continue;
            }
            FileChange file = GitLogLines.numstat(line);
            check(file != null, line,
                    "expected a numstat line '<added>\\t<deleted>\\t<path>' (counts in digits, '-' and"
                            + " '-' for a binary file, an unusual path C-quoted), a blank line or the next 'commit <sha>'");
            files.add(file);
        }
        return files;
    }

    private void check(boolean ok, String line, String expected) {
        if (!ok) {
            long number = line == null ? lines.lineNumber() + 1 : lines.lineNumber();
            throw new GitLogFormatException(number, line, expected);
        }
    }

    private String peek() throws IOException {
        if (peeked == null) {
            peeked = lines.next();
        }
        return peeked;
    }

    private String take() throws IOException {
        String line = peek();
        peeked = null;
        return line;
    }
}
