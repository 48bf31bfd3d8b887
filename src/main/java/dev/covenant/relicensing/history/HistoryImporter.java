package dev.covenant.relicensing.history;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.UUID;
import java.util.function.LongSupplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.jboss.logging.Logger;

import dev.covenant.identity.Mailmap;
import dev.covenant.jobs.JobKind;
import dev.covenant.jobs.JobQueue;
import dev.covenant.jobs.RunningJob;

/**
 * History imports as jobs ({@code covenant.relicensing.import-workers} at once per instance): each reads its commits
 * through {@link ContributionLoader} in one transaction, so a failure (for a malformed line, recorded with the
 * line's number and text) leaves the repository's contributions as they were. An upload is kept in the database
 * ({@link HistoryUploads}) until its import ends, so any instance runs it; an import taken over after its instance
 * stopped starts again, from a new clone or from the stored upload.
 */
@ApplicationScoped
public class HistoryImporter implements JobKind {

    private static final Logger LOG = Logger.getLogger(HistoryImporter.class);
    static final String UPLOAD_GONE = "interrupted: the service stopped during this import and the uploaded history"
            + " is no longer stored; upload it again (commits already imported are skipped)";

    private final HistoryImports imports;
    private final HistoryUploads uploads;
    private final AgroalDataSource dataSource;
    private final CloneCredentials credentials;
    private final RelicensingConfig config;
    private final WorkDir workDir;

    HistoryImporter(HistoryImports imports, HistoryUploads uploads, AgroalDataSource dataSource,
            CloneCredentials credentials, RelicensingConfig config, WorkDir workDir) {
        this.imports = imports;
        this.uploads = uploads;
        this.dataSource = dataSource;
        this.credentials = credentials;
        this.config = config;
        this.workDir = workDir;
    }

    @Override
    public String name() {
        return HistoryImports.KIND;
    }

    @Override
    public int workers() {
        return config.importWorkers();
    }

    @Override
    public boolean keepFinished() {
        return true;
    }

    /**
     * Queues the import of a stored upload, which the import then owns (and deletes when it ends), for any instance
     * to run; with {@code wait} the caller runs it ({@link dev.covenant.jobs.JobRunner#runHere}).
     */
    HistoryImports.Created importText(String repository, HistoryUploads.Stored upload, boolean wait) {
        try {
            return imports.create(repository, "TEXT", null, upload.bytes(), upload.commits(), upload.id(),
                    wait ? JobQueue.Hold.RUNNING_HERE : JobQueue.Hold.ANYONE);
        } catch (RuntimeException e) {
            uploads.delete(upload.id());
            throw e;
        }
    }

    /** Stores an uploaded history as it arrives, for {@link #importText(String, HistoryUploads.Stored, boolean)}. */
    HistoryUploads.Stored store(InputStream in) throws IOException {
        return uploads.store(in, config.maxUpload().asLongValue());
    }

    /**
     * Queues the import of a {@code git log} text read from {@code in}, as an upload to {@link HistoryResource} is
     * (the demo's bundled history). The text is stored in the database first.
     *
     * @throws IOException when {@code in} cannot be read, is larger than the upload limit or holds a NUL byte
     */
    public HistoryImports.Created importText(String repository, InputStream in) throws IOException {
        return importText(repository, store(in), false);
    }

    /** Queues the import of a clone's history; with {@code wait} the caller runs it. */
    public HistoryImports.Created importClone(String repository, CloneUrl url, boolean wait) {
        return imports.create(repository, "CLONE", url.url(), null, null, null,
                wait ? JobQueue.Hold.RUNNING_HERE : JobQueue.Hold.ANYONE);
    }

    @Override
    public void run(RunningJob job) {
        HistoryImports.Source source = imports.source(job.id())
                .orElseThrow(() -> new IllegalStateException("job " + job.id() + " has no history import"));
        if ("TEXT".equals(source.source())) {
            readText(job, source);
        } else {
            readClone(job, source);
        }
    }

    private void readText(RunningJob job, HistoryImports.Source source) {
        if (source.uploadId() == null) {
            if (source.read()) {
                // Read and recorded by an instance that stopped before it could mark the job DONE.
                return;
            }
            throw new UploadGoneException();
        }
        MessageDigest digest = sha256();
        try (CountingInputStream in = new CountingInputStream(
                new DigestInputStream(uploads.open(source.uploadId()), digest))) {
            job.phase("READING");
            FirstCommit first = new FirstCommit(new GitLogParser(in));
            ContributionLoader.Result result = load(job, source, first, Mailmap.parse(""), in::count, false);
            imports.finished(source.id(), result.added(), first.sha, null, HexFormat.of().formatHex(digest.digest()),
                    null, null);
        } catch (IOException e) {
            throw new UncheckedIOException("reading the uploaded history failed: " + e.getMessage(), e);
        }
    }

    /**
     * Clones the default branch and reads it with one streaming {@code git log} where git is installed (JGit walks it
     * where not), into the same loader as an upload. Both the clone and the count say which tool did them.
     */
    private void readClone(RunningJob job, HistoryImports.Source source) {
        job.phase("CLONING");
        CloneUrl url = CloneUrl.parse(source.cloneUrl(), config.localCloneRoots().orElse(java.util.List.of()));
        try (BareClone clone = BareClone.ofDefaultBranch(url, workDir.path(),
                credentials.forClone(url, source.repository()))) {
            job.phase("COUNTING");
            ObjectId head = clone.repository().resolve(Constants.HEAD);
            String mailmapText = head == null ? null : ClonedHistory.mailmapTextAt(clone.repository(), head);
            Mailmap mailmap = Mailmap.parse(mailmapText == null ? "" : mailmapText);
            ContributionLoader.Result result;
            String numstatBy;
            if (head == null) {
                job.phase("READING", 0L);
                result = load(job, source, Collections.emptyIterator(), mailmap, () -> 0, true);
                numstatBy = null;
            } else if (SystemGit.installed()) {
                job.phase("READING_WITH_GIT", SystemGit.count(clone.dir()));
                numstatBy = "GIT";
                try (SystemGit.Log log = new SystemGit.Log(clone.dir(), workDir.path())) {
                    result = load(job, source, new GitLogParser(log.output()), mailmap, () -> 0, true);
                    log.finish();
                }
            } else {
                job.phase("READING_WITH_JGIT", ClonedHistory.count(clone.repository()));
                numstatBy = "JGIT";
                try (ClonedHistory history = ClonedHistory.ofHead(clone.repository())) {
                    result = load(job, source, history, mailmap, () -> 0, true);
                }
            }
            imports.finished(source.id(), result.added(), head == null ? null : head.name(), mailmapText,
                    result.listingSha256(), numstatBy, clone.tool().name());
        } catch (IOException e) {
            throw new UncheckedIOException("reading the cloned history failed: " + e.getMessage(), e);
        }
    }

    private ContributionLoader.Result load(RunningJob job, HistoryImports.Source source,
            Iterator<ParsedCommit> commits, Mailmap mailmap, LongSupplier bytes, boolean listing) {
        ImportProgress progress = new ImportProgress(imports, job, source.id(), bytes);
        progress.start();
        try (Connection connection = dataSource.getConnection()) {
            ContributionLoader.Result result = ContributionLoader.load(connection, source.repository(), commits,
                    mailmap, listing, progress);
            job.progress(result.read(), result.read(), null);
            LOG.infof("%s - history import %d: %d commits read in %d ms, %d new merged in %d ms", source.repository(),
                    source.id(), result.read(), result.readMillis(), result.added(), result.mergeMillis());
            return result;
        } catch (SQLException e) {
            throw new IllegalStateException("loading the history failed: " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("this Java has no SHA-256", e);
        }
    }

    /** The commits of a history, remembering the first one's sha: the head of an upload in git's default order. */
    private static final class FirstCommit implements Iterator<ParsedCommit> {
        private final Iterator<ParsedCommit> commits;
        private String sha;

        FirstCommit(Iterator<ParsedCommit> commits) {
            this.commits = commits;
        }

        @Override
        public boolean hasNext() {
            return commits.hasNext();
        }

        @Override
        public ParsedCommit next() {
            ParsedCommit commit = commits.next();
            if (sha == null) {
                sha = commit.sha();
            }
            return commit;
        }
    }

    @Override
    public String fail(RunningJob job, RuntimeException e) {
        HistoryImports.Source source = imports.source(job.id()).orElseThrow();
        String repository = source.repository();
        long id = source.id();
        String reason;
        if (e instanceof GitLogFormatException format) {
            LOG.infof("%s - history import %d refused: %s", repository, id, format.getMessage());
            imports.failed(id, format.lineNumber(), format.line());
            reason = format.getMessage();
        } else if (e instanceof UploadGoneException) {
            LOG.warnf("%s - history import %d failed: %s", repository, id, e.getMessage());
            imports.failed(id, null, null);
            reason = e.getMessage();
        } else if (e instanceof BareClone.CloneFailedException || e instanceof UncheckedIOException) {
            LOG.warnf("%s - history import %d failed: %s", repository, id, e.getMessage());
            imports.failed(id, null, null);
            reason = e.getMessage();
        } else {
            String reference = UUID.randomUUID().toString().substring(0, 8);
            LOG.errorf(e, "%s - history import %d failed (reference %s)", repository, id, reference);
            imports.failed(id, null, null);
            reason = "the import failed unexpectedly (reference " + reference + ")";
        }
        return reason;
    }

    /** An upload's import was claimed, and its upload is not stored (deleted, or spooled to disk by an older version). */
    static final class UploadGoneException extends RuntimeException {
        UploadGoneException() {
            super(UPLOAD_GONE);
        }
    }
}
