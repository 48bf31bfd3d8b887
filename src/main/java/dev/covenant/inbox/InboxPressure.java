package dev.covenant.inbox;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * How many deliveries this instance has been storing per second: the count of the last whole second, or of the
 * current one once it is higher. The worker reads it to give way while webhooks pour in ({@link WorkerConfig#yieldAbove}).
 */
@ApplicationScoped
public class InboxPressure {

    private final AtomicLong second = new AtomicLong();
    private final AtomicLong current = new AtomicLong();
    private volatile long previous;

    /** One delivery stored, at {@code nowMillis}. */
    void stored(long nowMillis) {
        roll(nowMillis / 1000);
        current.incrementAndGet();
    }

    /** Deliveries stored per second lately, as of {@code nowMillis}. */
    long perSecond(long nowMillis) {
        roll(nowMillis / 1000);
        return Math.max(previous, current.get());
    }

    private void roll(long now) {
        long seen = second.get();
        if (now != seen && second.compareAndSet(seen, now)) {
            long last = current.getAndSet(0);
            // After a second with nothing stored, nothing is left behind.
            previous = now == seen + 1 ? last : 0;
        }
    }
}
