package dev.covenant.relicensing.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;

import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.CredentialsProvider;
import org.jboss.logging.Logger;

/**
 * A bare clone in a fresh directory under the work directory, deleted with everything in it on close: made by the
 * system's git where it may clone ({@link SystemGit#clones()}), by JGit elsewhere; either way read through JGit's
 * {@link #repository()} where a caller needs objects.
 */
public final class BareClone implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(BareClone.class);

    /** Which tool made a clone: the system's git, or JGit. */
    public enum Tool {
        GIT, JGIT
    }

    private final Path dir;
    private final Tool tool;
    private Repository repository;

    private BareClone(Path dir, Tool tool, Repository repository) {
        this.dir = dir;
        this.tool = tool;
        this.repository = repository;
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

    /** Clones {@code url}, every branch; a refusal or an unreachable host is a {@link CloneFailedException}. */
    public static BareClone of(CloneUrl url, Path workDir, Optional<CredentialsProvider> credentials)
            throws IOException {
        return clone(url, workDir, credentials, false);
    }

    /** Clones the history of {@code url}'s default branch only, which is what an import reads. */
    static BareClone ofDefaultBranch(CloneUrl url, Path workDir, Optional<CredentialsProvider> credentials)
            throws IOException {
        return clone(url, workDir, credentials, true);
    }

    private static BareClone clone(CloneUrl url, Path workDir, Optional<CredentialsProvider> credentials,
            boolean headOnly) throws IOException {
        return clone(SystemGit.clones() ? Tool.GIT : Tool.JGIT, url, workDir, credentials, headOnly);
    }

    /** Clones every branch with the given tool: tests hold both to the same fences. */
    static BareClone with(Tool tool, CloneUrl url, Path workDir, Optional<CredentialsProvider> credentials)
            throws IOException {
        return clone(tool, url, workDir, credentials, false);
    }

    private static BareClone clone(Tool tool, CloneUrl url, Path workDir, Optional<CredentialsProvider> credentials,
            boolean headOnly) throws IOException {
        Path dir = Files.createTempDirectory(Files.createDirectories(workDir), "clone-");
        try {
            if (tool == Tool.GIT) {
                SystemGitClone.run(url, dir, credentials, headOnly, workDir);
                return new BareClone(dir, Tool.GIT, null);
            }
            String from = url.localPath() != null ? url.localPath().toString() : url.url();
            var clone = Git.cloneRepository().setURI(from).setDirectory(dir.toFile()).setBare(true).setTimeout(300);
            credentials.ifPresent(clone::setCredentialsProvider);
            // Closing the repository is closing what the Git facade opened.
            return new BareClone(dir, Tool.JGIT, clone.call().getRepository());
        } catch (GitAPIException | org.eclipse.jgit.api.errors.JGitInternalException | IOException e) {
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

    /** Which tool cloned it. */
    public Tool tool() {
        return tool;
    }

    /** The clone as a JGit repository, opened on first use. */
    public Repository repository() {
        if (repository == null) {
            try {
                repository = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
            } catch (IOException e) {
                throw new UncheckedIOException("opening the clone in " + dir + " failed", e);
            }
        }
        return repository;
    }

    @Override
    public void close() {
        if (repository != null) {
            repository.close();
        }
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
