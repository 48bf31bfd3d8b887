package dev.covenant.jobs;

import java.time.Duration;
import java.util.Map;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The job runner's settings, shared by every kind of job. */
@ConfigMapping(prefix = "covenant.jobs")
public interface JobsConfig {

    /** Whether this instance takes queued jobs (every instance may; they share the work safely). */
    @WithDefault("true")
    boolean enabled();

    /**
     * How long a claimed job stays claimed without a heartbeat; a job whose instance died is taken over after this
     * (plus at most one {@link #pollInterval()}). Short, because a live instance's heartbeat, on a thread of its own,
     * keeps renewing it however long the job runs.
     */
    @WithDefault("PT15S")
    Duration lease();

    /**
     * How often an instance renews the leases of the jobs it holds; a third of {@link #lease()} or less, so that two
     * missed beats (a database failover, a long pause) do not yet cost a live instance its jobs.
     */
    @WithDefault("PT5S")
    Duration heartbeat();

    /** How often the runner looks for due jobs when no notification wakes it (retries, leases that ran out). */
    @WithDefault("PT5S")
    Duration pollInterval();

    /**
     * How many jobs of a kind one instance runs at once, by kind ({@code covenant.jobs.workers.reevaluate=8}); a kind
     * not named here runs as many as it says itself.
     */
    Map<String, Integer> workers();

    /**
     * Claims before a job is FAILED: a job that keeps asking to be retried (GitHub down) or whose instance keeps
     * stopping while it runs.
     */
    @WithDefault("8")
    int maxAttempts();

    /** The first retry's delay; each further retry doubles it, with jitter. */
    @WithDefault("PT2S")
    Duration backoffBase();

    /** The longest delay between two attempts. */
    @WithDefault("PT10M")
    Duration backoffCap();

    /** How long finished jobs of kinds no API lists (re-evaluations, sweeps) are kept before they are deleted. */
    @WithDefault("P30D")
    Duration retention();
}
