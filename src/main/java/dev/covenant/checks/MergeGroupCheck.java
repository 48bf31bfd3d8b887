package dev.covenant.checks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.covenant.coverage.CoverageService;
import dev.covenant.coverage.ProjectTerms;
import dev.covenant.github.CheckPublisher;
import dev.covenant.github.CommitInfo;
import dev.covenant.github.PullRequestReader;

/**
 * Reports on a merge group's head so a merge queue never waits for Covenant: it passes at once when the pull request
 * the group's ref names already passed on its current head; otherwise the commits between the group's base and head
 * are evaluated like a pull request's. The check run is written completed, in one call.
 */
@ApplicationScoped
public class MergeGroupCheck {

    private static final Logger LOG = Logger.getLogger(MergeGroupCheck.class);
    /** GitHub names merge-queue branches gh-readonly-queue/{base}/pr-{number}-{base sha}. */
    private static final Pattern QUEUE_REF = Pattern.compile("/pr-(\\d+)-[0-9a-f]+$");

    private final PullRequestTracker tracker;
    private final PullRequestReader reader;
    private final CheckPublisher publisher;
    private final CoverageService coverage;
    private final JudgeCommits judge;
    private final PullRequestCheck pullRequests;
    private final ChecksConfig config;
    private final Clock clock;

    MergeGroupCheck(PullRequestTracker tracker, PullRequestReader reader, CheckPublisher publisher,
            CoverageService coverage, JudgeCommits judge, PullRequestCheck pullRequests,
            ChecksConfig config, Clock clock) {
        this.tracker = tracker;
        this.reader = reader;
        this.publisher = publisher;
        this.coverage = coverage;
        this.judge = judge;
        this.pullRequests = pullRequests;
        this.config = config;
        this.clock = clock;
    }

    /** A merge group: where it is, its base and head commits, and its ref (null when not known). */
    public record MergeGroup(long installationId, String repository, String baseSha, String headSha, String headRef) {
    }

    /** Call without a transaction: GitHub is asked between short reads. */
    public boolean evaluate(MergeGroup group) {
        Optional<ProjectTerms> project = coverage.terms(group.repository());
        String externalId = CheckRunIds.mergeGroup(group.baseSha());
        if (project.isEmpty()) {
            write(group, new CheckPublisher.CheckRun(config.name(), group.headSha(), externalId, null, "neutral",
                    "No agreement is linked", CheckTexts.noProject(group.repository()).render(), ""));
            return true;
        }
        String signUrl = pullRequests.signUrl(project.get(), group.repository());
        Optional<Integer> passed = passedPullRequest(group);
        if (passed.isPresent()) {
            write(group, new CheckPublisher.CheckRun(config.name(), group.headSha(), externalId, signUrl, "success",
                    "Pull request #" + passed.get() + " passed", CheckTexts.mergeGroupPassed(passed.get()).render(),
                    ""));
            return true;
        }
        List<CommitInfo> commits = reader.compare(group.installationId(), group.repository(), group.baseSha(),
                group.headSha());
        JudgeCommits.Judged judged = judge.judge(project.get(), group.repository(), commits);
        CheckResult result = judged.result();
        CheckTexts.Report report = CheckReports.report("this merge group", project.get().agreementTitle(), signUrl,
                config.recheckPhrase(), config.name(), result, project.get().askedVersion(), null, project.get().mode(),
                judged.unsigned(), group.baseSha());
        write(group, new CheckPublisher.CheckRun(config.name(), group.headSha(), externalId, signUrl,
                result.passed() ? "success" : "failure", CheckTexts.titleOf(report).render().strip(),
                CheckTexts.summaryOf(report).render(), ""));
        LOG.infof("%s - merge group %s: %s (%d commits)", group.repository(), group.headSha(),
                result.passed() ? "success" : "failure", commits.size());
        return result.passed();
    }

    /** The pull request the group's ref names, if Covenant saw it pass on the head it has now. */
    private Optional<Integer> passedPullRequest(MergeGroup group) {
        if (group.headRef() == null) {
            return Optional.empty();
        }
        Matcher m = QUEUE_REF.matcher(group.headRef());
        if (!m.find()) {
            return Optional.empty();
        }
        int number = Integer.parseInt(m.group(1));
        return tracker.find(group.repository(), number)
                .filter(pr -> pr.headSha().equals(pr.evaluatedSha()) && "SUCCESS".equals(pr.conclusion()))
                .map(pr -> number);
    }

    private void write(MergeGroup group, CheckPublisher.CheckRun run) {
        Instant now = Instant.now(clock);
        publisher.create(group.installationId(), group.repository(), run, now);
        if (config.commitStatus()) {
            publisher.status(group.installationId(), group.repository(), group.headSha(),
                    run.conclusion().equals("neutral")
                            ? "success"
                            : run.conclusion(),
                    config.statusContext(), run.title(), run.detailsUrl());
        }
    }
}
