package dev.covenant.relicensing.blame;

import java.io.IOException;
import java.util.regex.Pattern;

import org.eclipse.jgit.errors.IncorrectObjectTypeException;
import org.eclipse.jgit.errors.RevisionSyntaxException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;

import dev.covenant.api.InvalidInputException;

/**
 * The revision a blame job asks for: {@code HEAD} by default, or a branch, a tag, a sha or an expression git
 * understands ({@code v2.0~3}). Its shape is checked when the job is asked for; whether the repository has it only
 * once it is cloned, and a revision it does not have fails the job naming {@code revision}.
 */
final class BlameRevision {

    static final String FIELD = "revision";
    private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9._/@{}~^-]{1,200}");

    private BlameRevision() {
    }

    static String parse(String text) {
        if (text == null || text.isBlank()) {
            return "HEAD";
        }
        String revision = text.strip();
        if (!SHAPE.matcher(revision).matches() || revision.startsWith("-")) {
            throw InvalidInputException.of(FIELD, "is not a revision: give a branch, a tag or a commit sha");
        }
        return revision;
    }

    /** The commit {@code revision} names in {@code repository}. */
    static RevCommit resolve(Repository repository, String revision) throws IOException {
        ObjectId id;
        try {
            id = repository.resolve(revision + "^{commit}");
        } catch (RevisionSyntaxException | IncorrectObjectTypeException
                | org.eclipse.jgit.errors.AmbiguousObjectException e) {
            throw new UnknownRevisionException(revision + " names no commit of the repository: " + e.getMessage());
        }
        if (id == null) {
            throw new UnknownRevisionException(revision + " is not a commit, branch or tag of the repository");
        }
        try (RevWalk walk = new RevWalk(repository)) {
            return walk.parseCommit(id);
        }
    }

    /** A revision the cloned repository does not have. */
    static final class UnknownRevisionException extends RuntimeException {
        UnknownRevisionException(String message) {
            super(message);
        }
    }
}
