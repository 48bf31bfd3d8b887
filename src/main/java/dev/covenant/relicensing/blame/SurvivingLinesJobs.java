package dev.covenant.relicensing.blame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jboss.logging.Logger;

import dev.covenant.relicensing.history.BareClone;
import dev.covenant.relicensing.history.CloneCredentials;
import dev.covenant.relicensing.history.CloneUrl;
import dev.covenant.relicensing.history.ClonedHistory;
import dev.covenant.relicensing.history.HistoryImporter;
import dev.covenant.relicensing.history.RelicensingConfig;

/**
 * Runs blame jobs, in this instance's worker threads ({@code covenant.relicensing.blame-workers}) or, when the
 * caller waits, in its own thread: clone bare, resolve the revision, blame every file ({@link RevisionBlame}) into
 * this job's transaction ({@link SurvivingLinesLoader}), and replace the result of that commit at the end. A
 * failure is recorded in {@code blame_job} with the field at fault and leaves the earlier result as it was.
 */
@ApplicationScoped
public class SurvivingLinesJobs {

    private static final Logger LOG = Logger.getLogger(SurvivingLinesJobs.class);
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private final BlameJobs jobs;
    private final AgroalDataSource dataSource;
    private final CloneCredentials credentials;
    private final RelicensingConfig config;
    private final ExecutorService workers;
    /** The jobs this instance holds, queued or running, kept alive in the database by {@link #heartbeat}. */
    private final Set<Long> held = ConcurrentHashMap.newKeySet();

    SurvivingLinesJobs(BlameJobs jobs, AgroalDataSource dataSource, CloneCredentials credentials,
            RelicensingConfig config) {
        this.jobs = jobs;
        this.dataSource = dataSource;
        this.credentials = credentials;
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.blameWorkers()), r -> {
            Thread t = new Thread(r, "blame-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    long start(String repository, CloneUrl url, String revision, boolean wait) {
        long id = jobs.create(repository, url.url(), revision);
        held.add(id);
        Runnable job = () -> {
            try {
                blame(id, repository, url, revision);
            } catch (RuntimeException e) {
                fail(id, repository, e);
                if (wait) {
                    throw new BlameFailedException(id, e);
                }
            } finally {
                held.remove(id);
            }
        };
        if (wait) {
            job.run();
        } else {
            workers.execute(job);
        }
        return id;
    }

    /** Keeps this instance's jobs alive and fails those whose instance went silent (their clone went with it). */
    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        jobs.heartbeat(List.copyOf(held));
        long abandoned = jobs.failAbandoned(ABANDONED_AFTER);
        if (abandoned > 0) {
            LOG.warnf("Marked %d blame jobs as failed: their instance stopped while they ran", abandoned);
        }
    }

    private void blame(long id, String repository, CloneUrl url, String revision) {
        jobs.phase(id, "CLONING");
        Path workDir = config.workDir().orElse(Path.of(System.getProperty("java.io.tmpdir")));
        try (BareClone clone = BareClone.of(url, workDir, credentials.forClone(url, repository))) {
            Repository git = clone.repository();
            RevCommit commit = BlameRevision.resolve(git, revision);
            jobs.phase(id, "LISTING");
            jobs.resolved(id, commit.name(), RevisionBlame.countFiles(git, commit));
            jobs.phase(id, "BLAMING");
            long started = System.nanoTime();
            try (Connection connection = dataSource.getConnection();
                    SurvivingLinesLoader loader = SurvivingLinesLoader.open(connection)) {
                RevisionBlame.Totals totals = RevisionBlame.blame(git, commit,
                        ClonedHistory.mailmapAt(git, commit.getTree()),
                        config.blameMaxFileSize().asLongValue(), loader, new BlameProgress(jobs, id));
                jobs.phase(id, "SAVING");
                loader.replace(repository, commit.name(), config.blameRevisionsKept());
                jobs.done(id, totals.files(), totals.skipped(), totals.lines());
                LOG.infof("%s - blame %d of %s (%s): %d files (%d skipped), %d surviving lines in %d ms", repository,
                        id, revision, commit.name(), totals.files(), totals.skipped(), totals.lines(),
                        (System.nanoTime() - started) / 1_000_000);
            }
        } catch (GitAPIException | IOException e) {
            throw new UncheckedIOException("blaming the repository failed: " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        } catch (SQLException e) {
            throw new IllegalStateException("saving the surviving lines failed: " + e.getMessage(), e);
        }
    }

    private void fail(long id, String repository, RuntimeException e) {
        if (e instanceof HistoryImporter.CloneFailedException) {
            LOG.warnf("%s - blame %d failed: %s", repository, id, e.getMessage());
            jobs.failed(id, e.getMessage(), CloneUrl.FIELD);
        } else if (e instanceof BlameRevision.UnknownRevisionException) {
            LOG.infof("%s - blame %d refused: %s", repository, id, e.getMessage());
            jobs.failed(id, e.getMessage(), BlameRevision.FIELD);
        } else if (e instanceof UncheckedIOException) {
            LOG.warnf("%s - blame %d failed: %s", repository, id, e.getMessage());
            jobs.failed(id, e.getMessage(), null);
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.errorf(e, "%s - blame %d failed (reference %s)", repository, id, reference);
            jobs.failed(id, "the blame failed unexpectedly (reference " + reference + ")", null);
        }
    }

    /** A job the caller waited for failed; {@code jobId} names it, the cause says why. */
    static final class BlameFailedException extends RuntimeException {
        final long jobId;

        BlameFailedException(long jobId, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.jobId = jobId;
        }
    }
}
