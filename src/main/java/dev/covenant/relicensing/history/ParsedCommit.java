package dev.covenant.relicensing.history;

import java.time.OffsetDateTime;
import java.util.List;

import dev.covenant.identity.CoAuthors.CoAuthor;
import dev.covenant.identity.GitIdent;

/**
 * One commit read from a history. {@code parents} are the full shas of its parents when the history listed them
 * ({@code --parents}), empty otherwise and for a root. {@code author} is the identity the {@code .mailmap} maps the
 * author to, {@code authorRaw} the one written in the commit (the same when the history gave only one).
 * {@code mergeParents} are the parents git printed on the {@code Merge:} line,
 * abbreviated, and are empty for a commit with fewer than two parents (git does not print those). The dates keep
 * the offset git recorded. {@code message} is un-indented, lines joined by {@code \n}. {@code coAuthors} come from
 * the message's {@code Co-authored-by:} trailers, which {@code --use-mailmap} does not rewrite.
 */
public record ParsedCommit(String sha, List<String> parents, List<String> mergeParents, GitIdent author,
        GitIdent authorRaw, OffsetDateTime authoredAt,
        GitIdent committer, OffsetDateTime committedAt, String message, List<CoAuthor> coAuthors,
        List<FileChange> files) {

    public ParsedCommit {
        if (sha == null || author == null || authoredAt == null || committer == null || committedAt == null
                || message == null) {
            throw new IllegalArgumentException("a parsed commit needs its sha, author, committer, dates and message");
        }
        parents = List.copyOf(parents);
        mergeParents = List.copyOf(mergeParents);
        authorRaw = authorRaw == null ? author : authorRaw;
        coAuthors = List.copyOf(coAuthors);
        files = List.copyOf(files);
    }

    /** True when git printed a {@code Merge:} line, or listed two or more parents. */
    public boolean merge() {
        return !mergeParents.isEmpty() || parents.size() > 1;
    }

    /** Lines added over the text files; binary files count none. */
    public long linesAdded() {
        long sum = 0;
        for (FileChange file : files) {
            sum += file.binary() ? 0 : file.added();
        }
        return sum;
    }

    /** Lines deleted over the text files; binary files count none. */
    public long linesDeleted() {
        long sum = 0;
        for (FileChange file : files) {
            sum += file.binary() ? 0 : file.deleted();
        }
        return sum;
    }
}
