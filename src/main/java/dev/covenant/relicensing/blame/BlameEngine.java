package dev.covenant.relicensing.blame;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;

/**
 * What blames one file of the blamed commit: each commit that wrote surviving lines of the file, with how many of
 * them are not empty or whitespace only. Called from several threads at once, one file per call, so that a
 * repository's files are blamed across the cores; who a commit is credited to is worked out once, elsewhere
 * ({@link Credits}).
 */
interface BlameEngine {

    /** How the job's answer names it ({@code git 2.39.5}, {@code jgit}). */
    String name();

    Map<ObjectId, Long> sources(String path) throws IOException;

    /** Value of {@code covenant.relicensing.blame-git} that makes JGit blame even where git could. */
    String NO_GIT = "none";

    /**
     * The system's {@code git} (an executable name or path) when it runs here, since its credits are the ones
     * {@code git blame -w -M} gives, its clone made ready for it; JGit otherwise, or when {@code git} is
     * {@value #NO_GIT}.
     */
    static BlameEngine choose(String git, Path gitDir, Repository repository, ObjectId commit) {
        if (!NO_GIT.equals(git)) {
            var found = GitBlame.find(git, gitDir, commit);
            if (found.isPresent()) {
                found.get().writeCommitGraph();
                return found.get();
            }
        }
        return new FileBlame(repository, commit);
    }
}
