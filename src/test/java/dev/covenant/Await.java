package dev.covenant;

import java.time.Duration;
import java.time.Instant;
import java.util.function.BooleanSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waiting for background work: polls until the value is as wanted, and on timeout names the last value seen. */
public final class Await {

    private static final Duration POLL = Duration.ofMillis(100);

    private Await() {
    }

    /** Polls until {@code condition} holds; fails after {@code limit}. */
    public static void until(String what, Duration limit, BooleanSupplier condition) {
        until(what, limit, condition::getAsBoolean, Boolean::booleanValue);
    }

    /** Polls {@code probe} until {@code done} accepts its value, which it returns; fails after {@code limit}. */
    public static <T> T until(String what, Duration limit, Supplier<T> probe, Predicate<T> done) {
        Instant deadline = Instant.now().plus(limit);
        T value = probe.get();
        while (!done.test(value)) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("timed out after " + limit.toSeconds() + " s waiting for " + what
                        + "; last seen: " + value);
            }
            try {
                Thread.sleep(POLL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
            value = probe.get();
        }
        return value;
    }
}
