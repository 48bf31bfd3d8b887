package dev.covenant.checks;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.covenant.CovenantConfig;
import dev.covenant.coverage.CoverageService;
import dev.covenant.coverage.ProjectTerms;
import dev.covenant.github.CheckPublisher;
import dev.covenant.github.CommitInfo;
import dev.covenant.github.PullRequestReader;
import dev.covenant.project.OwnerSettings;

/**
 * Evaluates a pull request's current head and publishes the result: the check run goes {@code in_progress} at
 * once, then {@code success} or {@code failure}; the optional commit status and the sticky comment follow. One
 * evaluation per pull request runs at a time (across instances, {@link EvaluationLease}); one that finds a newer
 * evaluation already done is skipped, and one whose head moved on while it ran writes nothing. No database
 * transaction is held while GitHub is called: each read and write is a short one of its own.
 */
@ApplicationScoped
public class PullRequestCheck {

    private static final Logger LOG = Logger.getLogger(PullRequestCheck.class);

    public enum Outcome {
        PASSED, FAILED, NO_PROJECT, ALREADY_CURRENT, STALE, CLOSED
    }

    private final PullRequestTracker tracker;
    private final EvaluationLease lease;
    private final PullRequestReader reader;
    private final CheckPublisher publisher;
    private final StickyComment comments;
    private final CoverageService coverage;
    private final JudgeCommits judge;
    private final ChecksConfig config;
    private final CovenantConfig covenant;
    private final OwnerSettings owners;
    private final CoverageFence fence;
    private final SupersededRuns superseded;
    private final Clock clock;

    PullRequestCheck(PullRequestTracker tracker, EvaluationLease lease, PullRequestReader reader,
            CheckPublisher publisher, StickyComment comments, CoverageService coverage,
            JudgeCommits judge, ChecksConfig config, CovenantConfig covenant, OwnerSettings owners,
            CoverageFence fence, SupersededRuns superseded, Clock clock) {
        this.tracker = tracker;
        this.superseded = superseded;
        this.fence = fence;
        this.owners = owners;
        this.lease = lease;
        this.reader = reader;
        this.publisher = publisher;
        this.comments = comments;
        this.coverage = coverage;
        this.judge = judge;
        this.config = config;
        this.covenant = covenant;
        this.clock = clock;
    }

    /**
     * Evaluates the tracked pull request unless an evaluation of its current head started at or after {@code since}
     * (the moment the request for this one arrived): that one already saw everything this one would.
     */
    public Outcome evaluate(String repository, int number, Instant since) {
        return evaluate(repository, number, since, false);
    }

    /**
     * As {@link #evaluate(String, int, Instant)}; {@code retried}: an earlier attempt of the same request ran, so a
     * check run it created may exist on GitHub without being recorded here (the create's answer was lost), and is
     * looked for before a new one is created.
     */
    public Outcome evaluate(String repository, int number, Instant since, boolean retried) {
        if (tracker.find(repository, number).isEmpty()) {
            throw new IllegalStateException(repository + "#" + number + " is not tracked");
        }
        try (EvaluationLease.Held held = lease.take(repository, number)) {
            PullRequestTracker.Tracked pr = tracker.find(repository, number).orElseThrow();
            superseded.closeAbandoned(pr);
            if (!pr.open()) {
                return Outcome.CLOSED;
            }
            if (pr.evaluatedSince(since)) {
                LOG.debugf("%s#%d - %s was already evaluated after this request", repository, number, pr.headSha());
                return Outcome.ALREADY_CURRENT;
            }
            return evaluate(pr, retried);
        }
    }

    private Outcome evaluate(PullRequestTracker.Tracked pr, boolean retried) {
        String repository = pr.repository();
        int number = pr.number();
        Instant started = Instant.now(clock);
        Optional<ProjectTerms> project = coverage.terms(repository);
        String externalId = CheckRunIds.pullRequest(number);
        if (project.isEmpty()) {
            publish(pr, unlinked(repository, pr.headSha(), externalId), started);
            tracker.recordEvaluation(repository, number, pr.headSha(), started, "NEUTRAL", List.of(), List.of());
            return Outcome.NO_PROJECT;
        }
        String signUrl = signUrl(project.get(), repository);
        long checkRunId = start(pr, externalId, signUrl, started, retried);

        List<CommitInfo> commits = reader.commits(pr.head());
        long ledgerMark = fence.mark();
        JudgeCommits.Judged judged = judge.judge(project.get(), repository, commits);
        List<Contributor> found = judged.contributors();
        CheckResult result = judged.result();

        if (!tracker.currentHead(repository, number).map(pr.headSha()::equals).orElse(false)) {
            LOG.infof("%s#%d - head %s is no longer current; its check run is closed as superseded", repository,
                    number, pr.headSha());
            // Never left in progress: a required check on the old head would otherwise wait forever.
            superseded.close(pr, pr.headSha(), checkRunId, signUrl);
            return Outcome.STALE;
        }
        ProjectTerms terms = project.get();
        CheckTexts.Report report = CheckReports.report(repository + "#" + number, terms.agreementTitle(), signUrl,
                config.recheckPhrase(), config.name(), result, terms.askedVersion(),
                terms.signByCommentPhrase() == null
                        ? null
                        : new CheckTexts.CommentSigning(terms.signByCommentPhrase(), terms.askedSha256()),
                terms.mode(), judged.unsigned(), SignOffCoverage.rebaseBase(commits, pr.head().baseSha()));
        String conclusion = result.passed() ? "success" : "failure";
        CheckPublisher.CheckRun done = new CheckPublisher.CheckRun(config.name(), pr.headSha(), externalId, signUrl,
                conclusion, CheckTexts.titleOf(report).render().strip(), CheckTexts.summaryOf(report).render(), "");
        Instant finished = Instant.now(clock);
        if (publisher.update(pr.installationId(), repository, checkRunId, done, finished)) {
            tracker.checkRunCompleted(repository, pr.headSha(), finished);
        } else {
            publish(pr, done, finished);
        }
        if (config.commitStatus()) {
            publisher.status(pr.installationId(), repository, pr.headSha(), conclusion, config.statusContext(),
                    done.title(), signUrl);
        }
        if (config.comment()) {
            comments.show(pr, report);
        }
        fence.record(repository, number, ledgerMark, () -> tracker.recordEvaluation(repository, number,
                pr.headSha(), started, result.passed() ? "SUCCESS" : "FAILURE",
                found.stream().map(Contributor::githubId).filter(Objects::nonNull).distinct().toList(),
                found.stream().flatMap(c -> c.emails().stream()).distinct().toList()));
        LOG.infof("%s#%d - %s: %s (%d contributors, %d commits)", repository, number, pr.headSha(), conclusion,
                found.size(), commits.size());
        return result.passed() ? Outcome.PASSED : Outcome.FAILED;
    }

    /** What a repository no project governs gets: neutral, or action_required if its owner asked to fail closed. */
    private CheckPublisher.CheckRun unlinked(String repository, String headSha, String externalId) {
        if (OwnerSettings.ACTION_REQUIRED.equals(owners.unlinkedConclusion(repository))) {
            // GitHub requires a details URL with action_required: the operators' page of the service.
            return new CheckPublisher.CheckRun(config.name(), headSha, externalId,
                    covenant.publicUrl().replaceAll("/+$", "") + "/", OwnerSettings.ACTION_REQUIRED,
                    "This repository is not linked to an agreement",
                    CheckTexts.unlinkedRequired(repository, config.recheckPhrase()).render(), "");
        }
        return new CheckPublisher.CheckRun(config.name(), headSha, externalId, null, OwnerSettings.NEUTRAL,
                "No agreement is linked", CheckTexts.noProject(repository).render(), "");
    }

    /**
     * The evaluation of the pull request's current head was given up ({@code state} DEAD or FAILED): its check run,
     * if one was started, is completed as a failure that says what went wrong and how to check again.
     */
    public void gaveUp(String repository, int number, int attempts, String state, String error) {
        Optional<PullRequestTracker.Tracked> tracked = tracker.find(repository, number);
        if (tracked.isEmpty() || !tracked.get().open()) {
            return;
        }
        PullRequestTracker.Tracked pr = tracked.get();
        Optional<Long> runId = tracker.checkRunId(repository, pr.headSha());
        if (runId.isEmpty()) {
            return;
        }
        String text = CheckTexts.gaveUp(repository + "#" + number, attempts, state, error == null ? "" : error,
                config.recheckPhrase()).render();
        CheckPublisher.CheckRun failed = new CheckPublisher.CheckRun(config.name(), pr.headSha(),
                CheckRunIds.pullRequest(number), null, "failure", "The CLA check could not be completed", text, "");
        Instant now = Instant.now(clock);
        publisher.update(pr.installationId(), repository, runId.get(), failed, now);
        tracker.checkRunCompleted(repository, pr.headSha(), now);
        LOG.warnf("%s#%d - %s: check run %d failed after the delivery was given up (%s)", repository, number,
                pr.headSha(), runId.get(), state);
    }

    /** The in-progress check run on the head: the one created before (a retry, a re-evaluation), or a new one. */
    private long start(PullRequestTracker.Tracked pr, String externalId, String signUrl, Instant now,
            boolean retried) {
        CheckPublisher.CheckRun running = new CheckPublisher.CheckRun(config.name(), pr.headSha(), externalId, signUrl,
                null, null, null, null);
        Optional<Long> existing = tracker.checkRunId(pr.repository(), pr.headSha());
        if (existing.isEmpty() && retried) {
            existing = publisher.find(pr.installationId(), pr.repository(), running);
        }
        if (existing.isPresent()
                && publisher.update(pr.installationId(), pr.repository(), existing.get(), running, now)) {
            tracker.recordCheckRun(pr.repository(), pr.number(), pr.headSha(), existing.get(), now, false);
            return existing.get();
        }
        return publish(pr, running, now);
    }

    private long publish(PullRequestTracker.Tracked pr, CheckPublisher.CheckRun run, Instant now) {
        long id = publisher.create(pr.installationId(), pr.repository(), run, now);
        tracker.recordCheckRun(pr.repository(), pr.number(), pr.headSha(), id, now, run.conclusion() != null);
        return id;
    }

    String signUrl(ProjectTerms project, String repository) {
        return covenant.publicUrl().replaceAll("/+$", "") + "/agreements/" + project.agreementSlug() + "?repo="
                + URLEncoder.encode(repository, StandardCharsets.UTF_8);
    }
}
