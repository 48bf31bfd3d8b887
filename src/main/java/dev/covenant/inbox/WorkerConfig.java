package dev.covenant.inbox;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The delivery worker's settings. */
@ConfigMapping(prefix = "covenant.worker")
public interface WorkerConfig {

    /** Whether this instance processes deliveries (every instance may; they share the work safely). */
    @WithDefault("true")
    boolean enabled();

    /** How many deliveries this instance processes at once (each thread holds a database connection to listen). */
    @WithDefault("4")
    int threads();

    /** Attempts before a delivery is marked DEAD. */
    @WithDefault("8")
    int maxAttempts();

    /** The first retry's delay; each further retry doubles it, with jitter. */
    @WithDefault("PT2S")
    Duration backoffBase();

    /** The longest delay between two attempts. */
    @WithDefault("PT10M")
    Duration backoffCap();

    /**
     * How long a claimed delivery stays claimed without a heartbeat (renewed every third of it while the delivery
     * runs); a delivery whose instance died is taken over after this.
     */
    @WithDefault("PT30S")
    Duration lease();

    /** On a clean stop, how long the deliveries in progress get to finish before they are given back to the inbox. */
    @WithDefault("PT10S")
    Duration shutdownGrace();

    /** How often the worker looks for due deliveries when no notification wakes it. */
    @WithDefault("PT5S")
    Duration pollInterval();

    /**
     * How long finished (DONE) and ignored deliveries are kept before they are deleted; failed and dead ones stay until
     * re-driven or deleted by hand. At least three days, the span in which GitHub redelivers.
     */
    @WithDefault("P30D")
    Duration retention();

    /**
     * While this instance stores more webhook deliveries per second than this, each worker thread pauses
     * {@link #yieldPause()} before its next delivery, so that answering GitHub comes first; 0 never pauses.
     */
    @WithDefault("200")
    int yieldAbove();

    /** How long a worker thread pauses between deliveries while webhooks pour in (see {@link #yieldAbove()}). */
    @WithDefault("PT0.5S")
    Duration yieldPause();
}
