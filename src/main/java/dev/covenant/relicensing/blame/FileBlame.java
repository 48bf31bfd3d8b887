package dev.covenant.relicensing.blame;

import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.blame.BlameGenerator;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

import dev.covenant.identity.CoAuthors;
import dev.covenant.identity.Mailmap;

/**
 * Blames the files of one commit with JGit, the way {@code git blame -w} does: whitespace ignored
 * ({@link RawTextComparator#WS_IGNORE_ALL}, so re-indenting a line does not take it over) and whole-file renames
 * followed at git's default similarity of 50% ({@link #RENAME_SCORE}). JGit does not detect lines moved within a file
 * or copied from another ({@code git blame -M/-C}): such lines are credited to whoever moved them. Lines that are empty or whitespace only are not counted. Each line
 * keeps the author date of the commit that wrote it, so lines of one person are counted per commit date.
 */
final class FileBlame {

    /** git's default similarity for a rename ({@code -M50%}); JGit's own default is 60%. */
    static final int RENAME_SCORE = 50;

    /** Credits of the commits seen lately: a file's lines mostly come from a few commits, and so do its neighbours'. */
    private static final int REMEMBERED_COMMITS = 10_000;

    private final Repository repository;
    private final ObjectId commit;
    private final Mailmap mailmap;
    private final Map<ObjectId, LineCredit> credits = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<ObjectId, LineCredit> eldest) {
            return size() > REMEMBERED_COMMITS;
        }
    };

    FileBlame(Repository repository, ObjectId commit, Mailmap mailmap) {
        this.repository = repository;
        this.commit = commit;
        this.mailmap = mailmap;
    }

    /** The file's non-blank lines at the commit, counted per credit (author, co-authors and author date). */
    Map<LineCredit, Long> blame(String path) throws GitAPIException, java.io.IOException {
        BlameResult result;
        try (BlameGenerator generator = new BlameGenerator(repository, path)) {
            generator.setTextComparator(RawTextComparator.WS_IGNORE_ALL).setFollowFileRenames(true);
            generator.getRenameDetector().setRenameScore(RENAME_SCORE);
            result = generator.push(null, commit).computeBlameResult();
        }
        if (result == null) {
            throw new IllegalStateException(path + " is not in commit " + commit.name());
        }
        result.computeAll();
        RawText text = result.getResultContents();
        Map<LineCredit, Long> lines = new HashMap<>();
        for (int i = 0; i < text.size(); i++) {
            if (blank(text.getRawString(i))) {
                continue;
            }
            RevCommit source = Objects.requireNonNull(result.getSourceCommit(i),
                    () -> "no source for a line of " + path);
            lines.merge(credit(source, result.getSourceAuthor(i)), 1L, Long::sum);
        }
        return lines;
    }

    private LineCredit credit(RevCommit source, PersonIdent author) {
        LineCredit known = credits.get(source);
        if (known != null) {
            return known;
        }
        String email = mailmap.resolve(author.getName(), author.getEmailAddress()).email().toLowerCase(Locale.ROOT);
        // The author date, as the history import stores it (authored_at): the report judges each commit by it.
        LineCredit credit = new LineCredit(email, CoAuthors.parse(source.getFullMessage()).stream()
                .map(CoAuthors.CoAuthor::email).filter(e -> !e.equals(email)).distinct().sorted().toList(),
                author.getWhenAsInstant());
        credits.put(source.copy(), credit);
        return credit;
    }

    static boolean blank(ByteBuffer line) {
        for (int i = line.position(); i < line.limit(); i++) {
            byte b = line.get(i);
            if (b != ' ' && b != '\t' && b != '\r' && b != '\f' && b != 0x0B) {
                return false;
            }
        }
        return true;
    }
}
