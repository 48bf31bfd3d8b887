package dev.covenant.checks;

import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import dev.covenant.github.GitHubApp;
import dev.covenant.jobs.JobKind;
import dev.covenant.jobs.JobQueue;
import dev.covenant.jobs.RunningJob;

/**
 * The sweep for missed pull requests as a job ({@value #KIND}): every instance's timer asks for one each
 * {@code covenant.checks.reconcile-interval}, and the queue keeps one at a time across instances, at most one per
 * interval; the first shortly after start ({@code covenant.checks.reconcile-first-delay}, 1 minute), so that what
 * was missed while the service was down is found at once; an operator may ask for one at any time. A sweep taken over after its instance stopped starts again.
 */
@ApplicationScoped
public class SweepJob implements JobKind {

    static final String KIND = "sweep";
    private static final Logger LOG = Logger.getLogger(SweepJob.class);
    /** The instances' timers do not fire together; one that fires a little early still finds the last sweep recent. */
    private static final double RECENT = 0.9;

    private final Reconciler reconciler;
    private final JobQueue queue;
    private final ChecksConfig config;
    private final GitHubApp app;
    private final Clock clock;
    private final AtomicBoolean started = new AtomicBoolean();

    SweepJob(Reconciler reconciler, JobQueue queue, ChecksConfig config, GitHubApp app, Clock clock) {
        this.reconciler = reconciler;
        this.queue = queue;
        this.config = config;
        this.app = app;
        this.clock = clock;
    }

    @Override
    public String name() {
        return KIND;
    }

    @Override
    public int workers() {
        return 1;
    }

    @Scheduled(every = "${covenant.checks.reconcile-interval:15m}", delayed = "${covenant.checks.reconcile-first-delay:1m}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void scheduled() {
        if (!config.reconcile() || !app.configured()) {
            return;
        }
        long recentMillis = (long) (config.reconcileInterval().toMillis() * RECENT);
        // The first after start sweeps even if another ran lately: webhooks sent while this one was down are lost.
        boolean afterStart = started.compareAndSet(false, true);
        queue.enqueueUnlessActive(KIND, KIND, Map.of("cause", afterStart ? "start" : "schedule"),
                afterStart ? null : clock.instant().minusMillis(recentMillis))
                .ifPresent(id -> LOG.debugf("Sweep job %d queued by this instance's timer", id));
    }

    /** Queues a sweep now, unless one is queued or running; its job's id if this call queued it. */
    public Optional<Long> enqueue(String cause) {
        return queue.enqueueUnlessActive(KIND, KIND, Map.of("cause", cause), null);
    }

    @Override
    public void run(RunningJob job) {
        reconciler.sweep(job);
    }

    @Override
    public String fail(RunningJob job, RuntimeException error) {
        LOG.errorf(error, "Sweep job %d failed", job.id());
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }
}
