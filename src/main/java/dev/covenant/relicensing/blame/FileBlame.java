package dev.covenant.relicensing.blame;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

import org.eclipse.jgit.blame.BlameGenerator;
import org.eclipse.jgit.blame.BlameResult;
import org.eclipse.jgit.diff.RawText;
import org.eclipse.jgit.diff.RawTextComparator;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Blames files of one commit with JGit, when no git can be run ({@link GitBlame}), the way {@code git blame -w}
 * does: whitespace ignored ({@link RawTextComparator#WS_IGNORE_ALL}, so re-indenting a line does not take it over)
 * and whole-file renames followed at git's default similarity of 50% ({@link #RENAME_SCORE}). JGit does not detect
 * lines moved within a file or copied from another ({@code git blame -M/-C}): such lines are credited to whoever
 * moved them. Lines that are empty or whitespace only are not counted. Each call makes its own generator, so
 * threads may blame files of the same repository at once.
 */
final class FileBlame implements BlameEngine {

    /** git's default similarity for a rename ({@code -M50%}); JGit's own default is 60%. */
    static final int RENAME_SCORE = 50;

    private final Repository repository;
    private final ObjectId commit;

    FileBlame(Repository repository, ObjectId commit) {
        this.repository = repository;
        this.commit = commit;
    }

    @Override
    public String name() {
        return "jgit";
    }

    @Override
    public Map<ObjectId, Long> sources(String path) throws IOException {
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
        Map<ObjectId, Long> lines = new HashMap<>();
        for (int i = 0; i < text.size(); i++) {
            if (blank(text.getRawString(i))) {
                continue;
            }
            RevCommit source = Objects.requireNonNull(result.getSourceCommit(i),
                    () -> "no source for a line of " + path);
            lines.merge(source.copy(), 1L, Long::sum);
        }
        return lines;
    }

    static boolean blank(ByteBuffer line) {
        for (int i = line.position(); i < line.limit(); i++) {
            if (!blank(line.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** What git's {@code -w} and our counts take for whitespace: space, tab, CR, form feed, vertical tab. */
    static boolean blank(int b) {
        return b == ' ' || b == '\t' || b == '\r' || b == '\f' || b == 0x0B;
    }
}
