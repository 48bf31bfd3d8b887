package dev.covenant.relicensing.blame;

import java.io.IOException;
import java.util.Map;

import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.FileMode;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.treewalk.TreeWalk;

import dev.covenant.identity.Mailmap;

/**
 * Blames every file of a commit, several at a time ({@link BlamePipeline}), handing each file's counts to a
 * {@link Sink} in the order the files are listed: memory holds a few files' blames whatever the repository's size. Regular and executable files are blamed;
 * symbolic links and submodules are not files anyone wrote here and are passed over; binary files (a NUL byte in
 * the first 8,000, as git decides) and files larger than the limit are skipped and reported as such.
 */
final class RevisionBlame {

    static final String BINARY = "BINARY";
    static final String TOO_LARGE = "TOO_LARGE";
    private static final int BINARY_PROBE = 8000;

    /** Receives the blame of each file, or why it was skipped. */
    interface Sink {
        void lines(String path, Map<LineCredit, Long> lines);

        void skipped(String path, String reason, long bytes);
    }

    /** Hears after each file how far the blame got. */
    interface Listener {
        void file(long done, long skipped, long lines);
    }

    /** Files looked at (blamed or skipped), of them skipped, and the surviving lines counted. */
    record BlameCounts(long files, long skipped, long lines) {
    }

    private RevisionBlame() {
    }

    /** How many files {@link #blame} will look at. */
    static long countFiles(Repository repository, RevCommit commit) throws IOException {
        long files = 0;
        try (TreeWalk walk = files(repository, commit)) {
            while (walk.next()) {
                if (isFile(walk)) {
                    files++;
                }
            }
        }
        return files;
    }

    /**
     * Blames every file of {@code commit} with {@code engine} on {@code threads} threads, handing each file's counts
     * to the sink, and the progress to the listener, in the order the files are listed.
     */
    static BlameCounts blame(Repository repository, RevCommit commit, BlameEngine engine, int threads,
            Mailmap mailmap, long maxBytes, Sink sink, Listener listener) throws IOException {
        try (TreeWalk walk = files(repository, commit);
                ObjectReader reader = repository.newObjectReader();
                Credits credits = new Credits(repository, mailmap);
                BlamePipeline pipeline = new BlamePipeline(engine, threads, credits, sink, listener)) {
            while (walk.next()) {
                if (!isFile(walk)) {
                    continue;
                }
                String path = walk.getPathString();
                String reason = skipReason(reader, walk, maxBytes);
                if (reason != null) {
                    pipeline.skip(path, reason, reader.getObjectSize(walk.getObjectId(0), Constants.OBJ_BLOB));
                } else {
                    pipeline.blame(path);
                }
            }
            return pipeline.finish();
        }
    }

    private static TreeWalk files(Repository repository, RevCommit commit) throws IOException {
        TreeWalk walk = new TreeWalk(repository);
        walk.addTree(commit.getTree());
        walk.setRecursive(true);
        return walk;
    }

    private static boolean isFile(TreeWalk walk) {
        FileMode mode = walk.getFileMode(0);
        return mode == FileMode.REGULAR_FILE || mode == FileMode.EXECUTABLE_FILE;
    }

    private static String skipReason(ObjectReader reader, TreeWalk walk, long maxBytes) throws IOException {
        var loader = reader.open(walk.getObjectId(0), Constants.OBJ_BLOB);
        if (loader.getSize() > maxBytes) {
            return TOO_LARGE;
        }
        byte[] head = new byte[BINARY_PROBE];
        int read;
        try (var in = loader.openStream()) {
            read = in.readNBytes(head, 0, head.length);
        }
        for (int i = 0; i < read; i++) {
            if (head[i] == 0) {
                return BINARY;
            }
        }
        return null;
    }
}
