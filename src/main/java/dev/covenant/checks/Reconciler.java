package dev.covenant.checks;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import dev.covenant.github.GitHubRest;
import dev.covenant.github.InstallationRepositories;
import dev.covenant.github.PullRequestHead;
import dev.covenant.github.PullRequestReader;
import dev.covenant.jobs.RunningJob;

/**
 * The periodic sweep for what webhooks missed (downtime, lost deliveries): every open pull request of every
 * installed repository whose head has no current result is queued for evaluation. It spends at most {@link
 * ChecksConfig#reconcileRateShare()} of each installation's remaining rate limit, counting what the evaluations it
 * queues will cost, and only one instance sweeps at a time. It runs as a {@link SweepJob}.
 */
@ApplicationScoped
public class Reconciler {

    private static final Logger LOG = Logger.getLogger(Reconciler.class);
    /** API calls one evaluation costs: check run created and completed, commits read, the comment. */
    static final int EVALUATION_COST = 4;
    /** The list of open pull requests costs one call per page of this many. */
    static final int PAGE = 100;

    private final ReconcileRuns runs;
    private final PullRequestReader reader;
    private final PullRequestTracker tracker;
    private final GitHubRest rest;
    private final InstallationRepositories installed;
    private final ChecksConfig config;
    private final Clock clock;

    Reconciler(ReconcileRuns runs, PullRequestReader reader, PullRequestTracker tracker, GitHubRest rest,
            InstallationRepositories installed, ChecksConfig config, Clock clock) {
        this.runs = runs;
        this.installed = installed;
        this.reader = reader;
        this.tracker = tracker;
        this.rest = rest;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Asks GitHub which repositories each installation reaches, so that the sweep covers those no webhook named;
     * returns the API calls spent. An installation GitHub cannot list now keeps the repositories last known.
     */
    private int refreshRepositories() {
        int calls = 0;
        for (long installation : runs.installations()) {
            try {
                List<InstallationRepositories.Installed> reached = installed.of(installation);
                runs.replaceRepositories(installation, reached);
                calls += Math.max(1, (reached.size() + PAGE - 1) / PAGE);
            } catch (RuntimeException e) {
                LOG.warnf("installation %d - its repositories could not be listed; the sweep uses those last known: %s",
                        installation, e.getMessage());
            }
        }
        return calls;
    }

    /** Runs one sweep now; empty when another instance is sweeping. */
    public Optional<ReconcileRuns.Run> sweep() {
        return sweep(null);
    }

    /** Runs the sweep of {@code job} (null: of none), reporting its progress there too. */
    Optional<ReconcileRuns.Run> sweep(RunningJob job) {
        Optional<Long> started = runs.start(clock.instant(), job == null ? null : job.id());
        if (started.isEmpty()) {
            LOG.info("A sweep is already running on another instance");
            return Optional.empty();
        }
        long id = started.get();
        int listed = refreshRepositories();
        List<ReconcileRuns.Target> targets = runs.targets();
        runs.progress(id, targets.size(), 0, 0, 0, 0);
        int done = 0;
        int pullRequests = 0;
        int queued = 0;
        int calls = listed;
        Long installation = null;
        int budget = 0;
        String stopped = null;
        for (ReconcileRuns.Target target : targets) {
            try {
                if (!target.installationId().equals(installation)) {
                    installation = target.installationId();
                    int remaining = rest.get(installation, "/rate_limit").path("resources").path("core")
                            .path("remaining").asInt(0);
                    budget = (int) Math.floor(remaining * Math.min(1.0, Math.max(0.0, config.reconcileRateShare())));
                }
                if (budget < 1 + EVALUATION_COST) {
                    stopped = "rate-limit share spent for installation " + installation;
                    continue;
                }
                int limit = Math.min(10 * PAGE, (budget - 1) / EVALUATION_COST * PAGE);
                List<PullRequestHead> open = reader.openPullRequests(installation, target.repository(), limit);
                int pages = Math.max(1, (open.size() + PAGE - 1) / PAGE);
                budget -= pages;
                calls += pages;
                pullRequests += open.size();
                if (open.size() < limit) {
                    runs.closeAllBut(target.repository(), open.stream().map(PullRequestHead::number).toList());
                }
                Map<Integer, String> evaluated = tracker.evaluatedShas(target.repository(),
                        open.stream().map(PullRequestHead::number).toList());
                for (PullRequestHead pr : open) {
                    if (pr.headSha().equals(evaluated.get(pr.number()))) {
                        continue;
                    }
                    if (budget < EVALUATION_COST) {
                        stopped = "rate-limit share spent for installation " + installation;
                        break;
                    }
                    tracker.record(pr);
                    queued += runs.queue(pr.repository(), pr.number());
                    budget -= EVALUATION_COST;
                }
            } catch (RuntimeException e) {
                LOG.warnf("%s - the sweep could not look at this repository: %s", target.repository(), e.getMessage());
            }
            done++;
            runs.progress(id, targets.size(), done, pullRequests, queued, calls);
            if (job != null) {
                job.progress(done, (long) targets.size(), null);
            }
        }
        runs.finish(id, clock.instant(), stopped);
        LOG.infof("Sweep %d: %d repositories, %d open pull requests, %d queued%s", id, targets.size(), pullRequests,
                queued,
                stopped == null ? "" : " (" + stopped + ")");
        return runs.find(id);
    }
}
