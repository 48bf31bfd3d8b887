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
    private final ContributorCoverage contributors;
    private final ChecksConfig config;
    private final CovenantConfig covenant;
    private final Clock clock;

    PullRequestCheck(PullRequestTracker tracker, EvaluationLease lease, PullRequestReader reader,
            CheckPublisher publisher, StickyComment comments, CoverageService coverage,
            ContributorCoverage contributors, ChecksConfig config, CovenantConfig covenant, Clock clock) {
        this.tracker = tracker;
        this.lease = lease;
        this.reader = reader;
        this.publisher = publisher;
        this.comments = comments;
        this.coverage = coverage;
        this.contributors = contributors;
        this.config = config;
        this.covenant = covenant;
        this.clock = clock;
    }

    /**
     * Evaluates the tracked pull request unless an evaluation of its current head started at or after {@code since}
     * (the moment the request for this one arrived): that one already saw everything this one would.
     */
    public Outcome evaluate(String repository, int number, Instant since) {
        if (tracker.find(repository, number).isEmpty()) {
            throw new IllegalStateException(repository + "#" + number + " is not tracked");
        }
        try (EvaluationLease.Held held = lease.take(repository, number)) {
            PullRequestTracker.Tracked pr = tracker.find(repository, number).orElseThrow();
            if (!pr.open()) {
                return Outcome.CLOSED;
            }
            if (pr.evaluatedSince(since)) {
                LOG.debugf("%s#%d - %s was already evaluated after this request", repository, number, pr.headSha());
                return Outcome.ALREADY_CURRENT;
            }
            return evaluate(pr);
        }
    }

    private Outcome evaluate(PullRequestTracker.Tracked pr) {
        String repository = pr.repository();
        int number = pr.number();
        Instant started = Instant.now(clock);
        Optional<ProjectTerms> project = coverage.terms(repository);
        String externalId = "pull_request:" + number;
        if (project.isEmpty()) {
            String text = CheckTexts.noProject(repository).render();
            publish(pr, new CheckPublisher.CheckRun(config.name(), pr.headSha(), externalId, null, "neutral",
                    "No agreement is linked", text, ""), started);
            tracker.recordEvaluation(repository, number, pr.headSha(), started, "NEUTRAL", List.of(), List.of());
            return Outcome.NO_PROJECT;
        }
        String signUrl = signUrl(project.get(), repository);
        long checkRunId = start(pr, externalId, signUrl, started);

        List<CommitInfo> commits = reader.commits(pr.head());
        List<Contributor> found = ContributorsOf.pullRequest(commits, project.get().checkCommitters());
        CheckResult result = EvaluatePullRequest.evaluate(found, contributors.now(project.get(), repository, found));

        if (!tracker.currentHead(repository, number).map(pr.headSha()::equals).orElse(false)) {
            LOG.infof("%s#%d - head %s is no longer current; its result is not written", repository, number,
                    pr.headSha());
            return Outcome.STALE;
        }
        CheckTexts.Report report = CheckReports.report(repository + "#" + number, project.get().agreementTitle(),
                signUrl, config.recheckPhrase(), config.name(), result);
        String conclusion = result.passed() ? "success" : "failure";
        CheckPublisher.CheckRun done = new CheckPublisher.CheckRun(config.name(), pr.headSha(), externalId, signUrl,
                conclusion, CheckTexts.title(report).render().strip(), CheckTexts.summary(report).render(), "");
        Instant finished = Instant.now(clock);
        if (!publisher.update(pr.installationId(), repository, checkRunId, done, finished)) {
            publish(pr, done, finished);
        }
        if (config.commitStatus()) {
            publisher.status(pr.installationId(), repository, pr.headSha(), conclusion, config.statusContext(),
                    done.title(), signUrl);
        }
        if (config.comment()) {
            comments.show(pr, report);
        }
        tracker.recordEvaluation(repository, number, pr.headSha(), started, result.passed() ? "SUCCESS" : "FAILURE",
                found.stream().map(Contributor::githubId).filter(Objects::nonNull).distinct().toList(),
                found.stream().flatMap(c -> c.emails().stream()).distinct().toList());
        LOG.infof("%s#%d - %s: %s (%d contributors, %d commits)", repository, number, pr.headSha(), conclusion,
                found.size(), commits.size());
        return result.passed() ? Outcome.PASSED : Outcome.FAILED;
    }

    /** The in-progress check run on the head: the one created before (a retry, a re-evaluation), or a new one. */
    private long start(PullRequestTracker.Tracked pr, String externalId, String signUrl, Instant now) {
        CheckPublisher.CheckRun running = new CheckPublisher.CheckRun(config.name(), pr.headSha(), externalId, signUrl,
                null, null, null, null);
        Optional<Long> existing = tracker.checkRunId(pr.repository(), pr.headSha());
        if (existing.isPresent()
                && publisher.update(pr.installationId(), pr.repository(), existing.get(), running, now)) {
            return existing.get();
        }
        return publish(pr, running, now);
    }

    private long publish(PullRequestTracker.Tracked pr, CheckPublisher.CheckRun run, Instant now) {
        long id = publisher.create(pr.installationId(), pr.repository(), run, now);
        tracker.recordCheckRun(pr.repository(), pr.headSha(), id, now);
        return id;
    }

    String signUrl(ProjectTerms project, String repository) {
        return covenant.publicUrl().replaceAll("/+$", "") + "/agreements/" + project.agreementSlug() + "?repo="
                + URLEncoder.encode(repository, StandardCharsets.UTF_8);
    }
}
