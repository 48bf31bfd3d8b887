package dev.covenant.inbox;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try a failed delivery again: exponential from a base, capped, with full jitter so that many deliveries
 * failing together (GitHub down) do not come back together; never earlier than GitHub asked (Retry-After or the
 * rate limit's reset).
 */
public record Backoff(Duration base, Duration cap) {

    public Duration after(int attempts, long notBeforeSeconds, RandomGenerator random) {
        long exponent = Math.min(Math.max(attempts - 1, 0), 30);
        long ceiling = Math.min(cap.toMillis(), base.toMillis() * (1L << exponent));
        long delay = ceiling <= 0 ? 0 : random.nextLong(ceiling / 2, ceiling + 1);
        return Duration.ofMillis(Math.max(delay, notBeforeSeconds * 1000));
    }
}
