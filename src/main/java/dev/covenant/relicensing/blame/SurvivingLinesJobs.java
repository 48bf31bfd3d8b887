package dev.covenant.relicensing.blame;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.agroal.api.AgroalDataSource;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.jboss.logging.Logger;

import dev.covenant.identity.Mailmap;
import dev.covenant.jobs.JobKind;
import dev.covenant.jobs.JobQueue;
import dev.covenant.jobs.RunningJob;
import dev.covenant.relicensing.history.BareClone;
import dev.covenant.relicensing.history.CloneCredentials;
import dev.covenant.relicensing.history.CloneUrl;
import dev.covenant.relicensing.history.ClonedHistory;
import dev.covenant.relicensing.history.HistoryImports;
import dev.covenant.relicensing.history.RelicensingConfig;
import dev.covenant.relicensing.history.WorkDir;

/**
 * Blame jobs ({@code covenant.relicensing.blame-workers} at once per instance): clone bare, resolve the revision,
 * blame every file ({@link RevisionBlame}, with git where it runs, {@code blame-threads} files at once) into this job's transaction ({@link SurvivingLinesLoader}), and replace
 * the result of that commit at the end. A failure is recorded with the field at fault and leaves the earlier result
 * as it was; a job taken over after its instance stopped starts again with a new clone.
 */
@ApplicationScoped
public class SurvivingLinesJobs implements JobKind {

    private static final Logger LOG = Logger.getLogger(SurvivingLinesJobs.class);

    private final BlameJobs jobs;
    private final AgroalDataSource dataSource;
    private final CloneCredentials credentials;
    private final RelicensingConfig config;
    private final HistoryImports imports;
    private final WorkDir workDir;

    SurvivingLinesJobs(BlameJobs jobs, AgroalDataSource dataSource, CloneCredentials credentials,
            RelicensingConfig config, HistoryImports imports, WorkDir workDir) {
        this.imports = imports;
        this.workDir = workDir;
        this.jobs = jobs;
        this.dataSource = dataSource;
        this.credentials = credentials;
        this.config = config;
    }

    @Override
    public String name() {
        return BlameJobs.KIND;
    }

    @Override
    public int workers() {
        return config.blameWorkers();
    }

    @Override
    public boolean keepFinished() {
        return true;
    }

    /** Queues a blame of {@code revision}; with {@code wait} the caller runs it. */
    BlameJobs.Created start(String repository, CloneUrl url, String revision, boolean wait) {
        return jobs.create(repository, url.url(), revision, wait ? JobQueue.Hold.RUNNING_HERE : JobQueue.Hold.ANYONE);
    }

    @Override
    public void run(RunningJob job) {
        BlameJobs.Request request = jobs.request(job.id())
                .orElseThrow(() -> new IllegalStateException("job " + job.id() + " has no blame"));
        long id = request.id();
        String repository = request.repository();
        job.phase("CLONING");
        CloneUrl url = CloneUrl.parse(request.cloneUrl(), config.localCloneRoots().orElse(List.of()));
        try (BareClone clone = BareClone.of(url, workDir.path(), credentials.forClone(url, repository))) {
            Repository git = clone.repository();
            RevCommit commit = BlameRevision.resolve(git, request.revision());
            job.phase("LISTING");
            BlameEngine engine = BlameEngine.choose(config.blameGit(), clone.dir(), git, commit);
            jobs.resolved(id, commit.name(), engine.name());
            job.phase("BLAMING", RevisionBlame.countFiles(git, commit));
            int threads = config.blameThreads() > 0
                    ? config.blameThreads()
                    : Runtime.getRuntime().availableProcessors();
            long started = System.nanoTime();
            try (Connection connection = dataSource.getConnection();
                    SurvivingLinesLoader loader = SurvivingLinesLoader.open(connection)) {
                RevisionBlame.BlameCounts totals = RevisionBlame.blame(git, commit, engine, threads,
                        mailmap(repository, git, commit), config.blameMaxFileSize().asLongValue(), loader,
                        new BlameProgress(jobs, job, id));
                job.phase("SAVING");
                loader.replace(repository, commit.name(), config.blameRevisionsKept());
                job.progress(totals.files(), totals.files(), null);
                jobs.progress(id, totals.skipped(), totals.lines());
                LOG.infof("%s - blame %d of %s (%s) by %s on %d threads: %d files (%d skipped), %d surviving lines"
                        + " in %d ms", repository, id, request.revision(), commit.name(), engine.name(), threads,
                        totals.files(), totals.skipped(), totals.lines(), (System.nanoTime() - started) / 1_000_000);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("blaming the repository failed: " + e.getMessage(), e);
        } catch (SQLException e) {
            throw new IllegalStateException("saving the surviving lines failed: " + e.getMessage(), e);
        }
    }

    /**
     * The {@code .mailmap} the repository's history was imported with, so that blame and import credit the same
     * people: the one kept with its newest clone import; for an uploaded history (git mapped it before the upload)
     * or none, the one at the blamed commit.
     */
    private Mailmap mailmap(String repository, Repository git, RevCommit commit) throws IOException {
        var imported = imports.latestDone(repository);
        if (imported.isPresent() && "CLONE".equals(imported.get().source())) {
            String text = imported.get().mailmap();
            return Mailmap.parse(text == null ? "" : text);
        }
        return ClonedHistory.mailmapAt(git, commit.getTree());
    }

    @Override
    public String fail(RunningJob job, RuntimeException e) {
        BlameJobs.Request request = jobs.request(job.id()).orElseThrow();
        long id = request.id();
        String repository = request.repository();
        if (e instanceof BareClone.CloneFailedException) {
            LOG.warnf("%s - blame %d failed: %s", repository, id, e.getMessage());
            jobs.failed(id, CloneUrl.FIELD);
            return e.getMessage();
        } else if (e instanceof BlameRevision.UnknownRevisionException) {
            LOG.infof("%s - blame %d refused: %s", repository, id, e.getMessage());
            jobs.failed(id, BlameRevision.FIELD);
            return e.getMessage();
        } else if (e instanceof UncheckedIOException) {
            LOG.warnf("%s - blame %d failed: %s", repository, id, e.getMessage());
            return e.getMessage();
        }
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "%s - blame %d failed (reference %s)", repository, id, reference);
        return "the blame failed unexpectedly (reference " + reference + ")";
    }
}
