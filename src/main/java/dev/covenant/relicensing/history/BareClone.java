package dev.covenant.relicensing.history;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.jboss.logging.Logger;

/** A bare JGit clone in a fresh directory under the work directory, deleted with everything in it on close. */
public final class BareClone implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BareClone.class);

    private final Path dir;
    private final Git git;

    private BareClone(Path dir, Git git) {
        this.dir = dir;
        this.git = git;
    }

    /**
     * What every failed clone says, whatever went wrong (no such host, a closed or filtered port, a refused
     * connection, not a repository, no access): a caller must not learn which ports answer inside a network. The
     * cause is logged.
     */
    public static final String FAILED = "the repository could not be cloned: the host is unreachable, it is not a git"
            + " repository, or it may not be read";

    static {
        GuardedHttpConnections.install();
    }

    /** Clones {@code url}; a refusal or an unreachable host is a {@link CloneFailedException}. */
    public static BareClone of(CloneUrl url, Path workDir, Optional<CredentialsProvider> credentials)
            throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(workDir), "clone-");
        try {
            String from = url.localPath() != null ? url.localPath().toString() : url.url();
            var clone = Git.cloneRepository().setURI(from).setDirectory(dir.toFile()).setBare(true).setTimeout(300);
            credentials.ifPresent(clone::setCredentialsProvider);
            return new BareClone(dir, clone.call());
        } catch (GitAPIException | org.eclipse.jgit.api.errors.JGitInternalException e) {
            delete(dir);
            LOG.infof("Cloning %s failed: %s", url.url(), e.getMessage());
            throw new CloneFailedException(FAILED, e);
        } catch (RuntimeException e) {
            delete(dir);
            throw e;
        }
    }

    /** The clone's directory: its git directory, for it is bare. */
    public Path dir() {
        return dir;
    }

    public Repository repository() {
        return git.getRepository();
    }

    @Override
    public void close() {
        git.close();
        delete(dir);
    }

    private static void delete(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.warnf("Could not delete the clone in %s: %s", dir, e.getMessage());
        }
    }

    /** A clone that did not succeed: unreachable, unknown, or refused the credentials. */
    public static final class CloneFailedException extends RuntimeException {
        CloneFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
