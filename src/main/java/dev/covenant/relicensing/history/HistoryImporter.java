package dev.covenant.relicensing.history;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.LongSupplier;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

/**
 * Runs history imports, in this instance's worker threads ({@code covenant.relicensing.import-workers}) or, when
 * the caller waits, in its own thread. Each import reads its commits through {@link ContributionLoader} in one
 * transaction and records its progress and outcome in {@code history_import}; a failure is recorded with its cause
 * (for a malformed line, the line's number and text) and leaves the repository's contributions as they were.
 */
@ApplicationScoped
public class HistoryImporter {

    private static final Logger LOG = Logger.getLogger(HistoryImporter.class);
    private static final Duration ABANDONED_AFTER = Duration.ofMinutes(5);

    private final HistoryImports imports;
    private final AgroalDataSource dataSource;
    private final CloneCredentials credentials;
    private final RelicensingConfig config;
    private final ExecutorService workers;
    /** The imports this instance holds, queued or running, kept alive in the database by {@link #heartbeat}. */
    private final Set<Long> held = ConcurrentHashMap.newKeySet();

    HistoryImporter(HistoryImports imports, AgroalDataSource dataSource, CloneCredentials credentials,
            RelicensingConfig config) {
        this.imports = imports;
        this.dataSource = dataSource;
        this.credentials = credentials;
        this.config = config;
        AtomicInteger n = new AtomicInteger();
        this.workers = Executors.newFixedThreadPool(Math.max(1, config.importWorkers()), r -> {
            Thread t = new Thread(r, "history-import-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }

    Path workDir() {
        return config.workDir().orElse(Path.of(System.getProperty("java.io.tmpdir")));
    }

    /** Imports an uploaded history, which this import then owns (and deletes). */
    long importText(String repository, HistorySpool spool, boolean wait) {
        long id = imports.create(repository, "TEXT", null, spool.bytes(), spool.commits());
        Runnable job = () -> {
            try {
                readText(id, repository, spool);
            } finally {
                spool.delete();
            }
        };
        run(id, repository, job, wait);
        return id;
    }

    public long importClone(String repository, CloneUrl url, boolean wait) {
        long id = imports.create(repository, "CLONE", url.url(), null, null);
        run(id, repository, () -> readClone(id, repository, url), wait);
        return id;
    }

    /**
     * Every instance keeps its own imports alive and fails those whose instance went silent: a restart loses the
     * spooled upload or the clone, and the import would otherwise stay RUNNING for ever.
     */
    @Scheduled(every = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void heartbeat() {
        imports.heartbeat(List.copyOf(held));
        long abandoned = imports.failAbandoned(ABANDONED_AFTER);
        if (abandoned > 0) {
            LOG.warnf("Marked %d history imports as failed: their instance stopped while they ran", abandoned);
        }
    }

    private void run(long id, String repository, Runnable job, boolean wait) {
        held.add(id);
        Runnable recorded = () -> {
            try {
                job.run();
            } catch (RuntimeException e) {
                fail(id, repository, e);
                if (wait) {
                    throw new ImportFailedException(id, e);
                }
            } finally {
                held.remove(id);
            }
        };
        if (wait) {
            recorded.run();
        } else {
            workers.execute(recorded);
        }
    }

    private void readText(long id, String repository, HistorySpool spool) {
        try (CountingInputStream in = new CountingInputStream(Files.newInputStream(spool.file()))) {
            imports.phase(id, "READING", null);
            load(id, repository, new GitLogParser(in), in::count);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded history failed", e);
        }
    }

    private void readClone(long id, String repository, CloneUrl url) {
        imports.phase(id, "CLONING", null);
        try (BareClone clone = BareClone.of(url, workDir(), credentials.forClone(url, repository))) {
            imports.phase(id, "COUNTING", null);
            long total = ClonedHistory.count(clone.repository());
            imports.phase(id, "READING", total);
            ClonedHistory history = ClonedHistory.ofHead(clone.repository());
            try (history) {
                load(id, repository, history == null ? Collections.emptyIterator() : history, () -> 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading the cloned history failed: " + e.getMessage(), e);
        }
    }

    private void load(long id, String repository, Iterator<ParsedCommit> commits, LongSupplier bytes) {
        ImportProgress progress = new ImportProgress(imports, id, bytes);
        progress.start();
        try (Connection connection = dataSource.getConnection()) {
            ContributionLoader.Result result = ContributionLoader.load(connection, repository, commits, progress);
            imports.done(id, result.read(), result.added());
            LOG.infof("%s - history import %d: %d commits read in %d ms, %d new merged in %d ms", repository, id,
                    result.read(), result.readMillis(), result.added(), result.mergeMillis());
        } catch (SQLException e) {
            throw new IllegalStateException("loading the history failed: " + e.getMessage(), e);
        }
    }

    private void fail(long id, String repository, RuntimeException e) {
        if (e instanceof GitLogFormatException format) {
            LOG.infof("%s - history import %d refused: %s", repository, id, format.getMessage());
            imports.failed(id, format.getMessage(), format.lineNumber(), format.line());
        } else if (e instanceof CloneFailedException || e instanceof UncheckedIOException) {
            LOG.warnf("%s - history import %d failed: %s", repository, id, e.getMessage());
            imports.failed(id, e.getMessage(), null, null);
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.errorf(e, "%s - history import %d failed (reference %s)", repository, id, reference);
            imports.failed(id, "the import failed unexpectedly (reference " + reference + ")", null, null);
        }
    }

    /** An import the caller waited for failed; {@code jobId} names it, the cause says why. */
    static final class ImportFailedException extends RuntimeException {
        final long jobId;

        ImportFailedException(long jobId, RuntimeException cause) {
            super(cause.getMessage(), cause);
            this.jobId = jobId;
        }
    }

    /** A clone that did not succeed: unreachable, unknown, or refused the credentials. */
    public static final class CloneFailedException extends RuntimeException {
        CloneFailedException(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
