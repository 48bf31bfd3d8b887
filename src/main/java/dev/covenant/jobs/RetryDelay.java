package dev.covenant.jobs;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * When to try work again after a fault that may pass (a job, a webhook delivery): exponential from a base, capped,
 * with jitter so that much work failing together (GitHub down) does not come back together; never earlier than
 * whoever refused asked (Retry-After or the rate limit's reset).
 */
public record RetryDelay(Duration base, Duration cap) {

    public Duration after(int attempts, long notBeforeSeconds, RandomGenerator random) {
        long exponent = Math.min(Math.max(attempts - 1, 0), 30);
        long ceiling = Math.min(cap.toMillis(), base.toMillis() * (1L << exponent));
        long delay = ceiling <= 0 ? 0 : random.nextLong(ceiling / 2, ceiling + 1);
        return Duration.ofMillis(Math.max(delay, notBeforeSeconds * 1000));
    }
}
