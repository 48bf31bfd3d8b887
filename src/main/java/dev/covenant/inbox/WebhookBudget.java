package dev.covenant.inbox;

import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * The webhook bytes held in memory across all requests of this instance ({@link WebhookConfig#webhookInFlight()}).
 * A request reserves its bytes before it reads them and gives them back when it is answered, so that many large
 * posts at once are refused (503) instead of running the JVM out of memory. Bodies past
 * {@link #SMALL} may only use the budget less its small part, which stays free for ordinary deliveries.
 */
@ApplicationScoped
public class WebhookBudget {

    /** A body up to this size is an ordinary delivery. */
    static final long SMALL = 1L << 20;

    private final AtomicLong inFlight = new AtomicLong();
    private final long total;
    private final long forLarge;

    @jakarta.inject.Inject
    WebhookBudget(WebhookConfig config) {
        this(config.webhookInFlight().asLongValue(), config.webhookInFlightSmall().asLongValue());
    }

    WebhookBudget(long total, long keptForSmall) {
        this.total = total;
        this.forLarge = Math.max(0, total - keptForSmall);
    }

    /**
     * Reserves {@code bytes} more for a request that will then hold {@code heldAfter} bytes in all; false when the
     * budget does not allow it (nothing is reserved then).
     */
    boolean reserve(long bytes, long heldAfter) {
        long ceiling = heldAfter > SMALL ? forLarge : total;
        while (true) {
            long now = inFlight.get();
            if (now + bytes > ceiling) {
                return false;
            }
            if (inFlight.compareAndSet(now, now + bytes)) {
                return true;
            }
        }
    }

    /** Counts {@code bytes} that will be held whatever the budget says (a delivery already known to be signed). */
    void reserveAnyway(long bytes) {
        inFlight.addAndGet(bytes);
    }

    void release(long bytes) {
        inFlight.addAndGet(-bytes);
    }

    /** The bytes reserved right now, for the metrics and the tests. */
    long inFlight() {
        return inFlight.get();
    }
}
