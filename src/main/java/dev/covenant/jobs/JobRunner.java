package dev.covenant.jobs;

import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import dev.covenant.jdbc.Notifications;
import dev.covenant.jdbc.WakeUps;

/**
 * Runs the jobs of every {@link JobKind}: each kind has its own worker threads, as many as it runs at once; a
 * dispatcher fills the free ones with claimed jobs whenever a NOTIFY says jobs were queued, whenever a worker
 * finishes, and every poll interval (for retries that come due and leases that ran out). A timer renews the leases
 * of every job this instance holds, those its callers run in their own thread ({@link #runHere}) included.
 */
@ApplicationScoped
public class JobRunner {

    private static final Logger LOG = Logger.getLogger(JobRunner.class);

    /** A kind's worker threads and how many of them are busy. */
    private record Slots(JobKind kind, int size, ExecutorService threads, AtomicInteger busy) {
    }

    private final Map<String, JobKind> kinds = new LinkedHashMap<>();
    private final Map<String, Slots> slots = new LinkedHashMap<>();
    private final JobLeases leases;
    private final JobExecution execution;
    private final JobsConfig config;
    private final WakeUps wakeUps;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r,
            "covenant-jobs-heartbeat"));
    private volatile boolean running;
    private Thread dispatcher;

    JobRunner(Instance<JobKind> all, JobLeases leases, JobExecution execution, JobsConfig config,
            WakeUps wakeUps) {
        this.leases = leases;
        this.execution = execution;
        this.config = config;
        this.wakeUps = wakeUps;
        for (JobKind kind : all) {
            if (kinds.putIfAbsent(kind.name(), kind) != null) {
                throw new IllegalStateException("Two job kinds named " + kind.name());
            }
        }
    }

    /** The kinds this instance knows. */
    public Set<String> kinds() {
        return Set.copyOf(kinds.keySet());
    }

    JobKind kind(String name) {
        return kinds.get(name);
    }

    /** Whether this instance takes queued jobs of {@code kind}. */
    boolean takes(String kind) {
        Slots s = slots.get(kind);
        return running && s != null && s.size() > 0;
    }

    void start(@Observes StartupEvent event) {
        long beat = config.heartbeat().toMillis();
        if (beat * 2 > config.lease().toMillis()) {
            LOG.warnf("covenant.jobs.heartbeat (%s) is more than half of covenant.jobs.lease (%s): one late beat can"
                    + " cost a live instance its jobs", config.heartbeat(), config.lease());
        }
        timer.scheduleWithFixedDelay(this::renew, beat, beat, TimeUnit.MILLISECONDS);
        if (!config.enabled()) {
            LOG.info("The job runner is disabled on this instance (covenant.jobs.enabled=false)");
            return;
        }
        for (JobKind kind : kinds.values()) {
            int size = Math.max(0, config.workers().getOrDefault(kind.name(), kind.workers()));
            AtomicInteger n = new AtomicInteger();
            ExecutorService threads = Executors.newFixedThreadPool(Math.max(1, size),
                    r -> daemon(r, "covenant-job-" + kind.name() + "-" + n.incrementAndGet()));
            slots.put(kind.name(), new Slots(kind, size, threads, new AtomicInteger()));
        }
        LOG.infof("The job runner takes %s at once", String.join(", ", slots.values().stream()
                .map(s -> s.kind().name() + " " + s.size()).toList()));
        running = true;
        dispatcher = daemon(this::listen, "covenant-jobs-dispatcher");
        dispatcher.start();
    }

    void stop(@Observes ShutdownEvent event) {
        execution.stopping();
        running = false;
        if (dispatcher != null) {
            // It gives its listening connection back within a slice; the pool closes after this.
            Notifications.join(List.of(dispatcher), Duration.ofSeconds(2));
            dispatcher.interrupt();
        }
        slots.values().forEach(s -> s.threads().shutdownNow());
        timer.shutdownNow();
        try {
            leases.releaseAll();
        } catch (RuntimeException e) {
            LOG.warnf("Could not release this instance's jobs (%s); they are taken over when their leases run out",
                    e.getMessage());
        }
    }

    /**
     * Runs a job created {@link JobQueue.Hold#RUNNING_HERE} in the caller's thread, whatever the kind's workers are
     * doing, and records how it ended; a failure is thrown as a {@link JobFailedException} once recorded.
     */
    public void runHere(Job job) {
        JobKind kind = kinds.get(job.kind());
        if (kind == null) {
            throw new IllegalStateException("No job kind named " + job.kind());
        }
        execution.run(kind, job, true);
    }

    /** Fills the free worker threads of every kind with claimed jobs. */
    synchronized void dispatch() {
        for (Slots s : slots.values()) {
            int free = s.size() - s.busy().get();
            if (!running || free <= 0) {
                continue;
            }
            for (Job job : leases.claim(s.kind().name(), free)) {
                s.busy().incrementAndGet();
                try {
                    s.threads().execute(() -> work(s, job));
                } catch (RejectedExecutionException e) {
                    s.busy().decrementAndGet();
                    leases.letGo(job.id()); // Stopping: the lease runs out and another instance resumes the job.
                }
            }
        }
    }

    private void work(Slots s, Job job) {
        try {
            execution.run(s.kind(), job, false);
        } catch (RuntimeException | Error e) {
            LOG.errorf(e, "%s job %d: the runner hit an unexpected error", s.kind().name(), job.id());
        } finally {
            s.busy().decrementAndGet();
        }
        try {
            dispatch();
        } catch (RuntimeException e) {
            LOG.warnf("Could not claim more jobs (%s); the dispatcher tries again within its poll interval",
                    e.getMessage());
        }
    }

    private void renew() {
        try {
            leases.renew();
        } catch (RuntimeException e) {
            LOG.warnf("Could not renew this instance's job leases (%s); trying again in %s", e.getMessage(),
                    config.heartbeat());
        }
    }

    /** Dispatches at each NOTIFY (heard on a connection of its own) and every poll interval ({@link WakeUps}). */
    private void listen() {
        while (running) {
            try {
                wakeUps.serve(JobWakeUp.CHANNEL, config.pollInterval(), () -> running, this::dispatch);
            } catch (SQLException | RuntimeException e) {
                if (running) {
                    LOG.warnf("The job dispatcher failed (%s); it continues in 5 s", e.getMessage());
                    sleep(5000);
                }
            }
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
