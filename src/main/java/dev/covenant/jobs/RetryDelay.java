package dev.covenant.jobs;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a job again after a fault that may pass: exponential from a base, capped, with jitter so that many jobs
 * failing together (GitHub down) do not come back together; never earlier than whoever refused asked.
 */
record RetryDelay(Duration base, Duration cap) {

    Duration after(int attempts, long notBeforeSeconds, RandomGenerator random) {
        long exponent = Math.min(Math.max(attempts - 1, 0), 30);
        long ceiling = Math.min(cap.toMillis(), base.toMillis() * (1L << exponent));
        long delay = ceiling <= 0 ? 0 : random.nextLong(ceiling / 2, ceiling + 1);
        return Duration.ofMillis(Math.max(delay, notBeforeSeconds * 1000));
    }
}
