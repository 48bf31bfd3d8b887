package dev.covenant.inbox;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.interceptor.Interceptor;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import dev.covenant.jdbc.Notifications;
import dev.covenant.jdbc.WakeUps;
import dev.covenant.jobs.RetryLater;

/**
 * Drains the inbox: woken by PostgreSQL's NOTIFY when a delivery arrives, and by a timer for retries that come due
 * and for deliveries whose worker died (by the timer alone through a transaction-mode pooler, {@link WakeUps}). Every instance runs one; SKIP LOCKED keeps them from taking the same row.
 */
@ApplicationScoped
public class DeliveryWorker {

    private static final Logger LOG = Logger.getLogger(DeliveryWorker.class);

    private final DeliveryQueue queue;
    private final WorkerConfig config;
    private final WakeUps wakeUps;
    private final InboxPressure pressure;
    private final DeliveryLeases leases;
    private final Clock clock;
    private final Map<String, DeliveryHandler> handlers = new HashMap<>();
    private final Counter processed;
    private final Counter failed;
    private volatile boolean running;
    private final List<Thread> threads = new ArrayList<>();

    DeliveryWorker(DeliveryQueue queue, WorkerConfig config, WakeUps wakeUps, Instance<DeliveryHandler> all,
            MeterRegistry metrics, InboxPressure pressure, DeliveryLeases leases, Clock clock) {
        this.queue = queue;
        this.leases = leases;
        this.pressure = pressure;
        this.clock = clock;
        this.config = config;
        this.wakeUps = wakeUps;
        for (DeliveryHandler handler : all) {
            handler.events().forEach(event -> {
                if (handlers.putIfAbsent(event, handler) != null) {
                    throw new IllegalStateException("Two handlers for webhook event " + event);
                }
            });
        }
        this.processed = Counter.builder("covenant.deliveries.processed").description("Deliveries processed")
                .register(metrics);
        this.failed = Counter.builder("covenant.deliveries.failed").description("Delivery attempts that failed")
                .register(metrics);
        for (Delivery.State state : Delivery.State.values()) {
            Gauge.builder("covenant.deliveries", () -> queue.count(state)).tag("state", state.name())
                    .description("Deliveries in the inbox by state").register(metrics);
        }
    }

    void start(@Observes StartupEvent event) {
        if (!config.enabled()) {
            LOG.info("The delivery worker is disabled on this instance (covenant.worker.enabled=false)");
            return;
        }
        running = true;
        // Each thread listens on its own connection (or polls); evaluations mostly wait on GitHub, so a few run side
        // by side.
        for (int i = 1; i <= config.threads(); i++) {
            Thread thread = new Thread(this::run, "covenant-delivery-worker-" + i);
            thread.setDaemon(true);
            threads.add(thread);
            thread.start();
        }
    }

    /**
     * A clean stop: no new claims; the deliveries in hand get {@link WorkerConfig#shutdownGrace()} to finish, and
     * whatever is still held then is given back for another instance (or the next start) to take at once. Runs
     * after the endpoint stopped taking deliveries and before the database goes.
     */
    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 10) ShutdownEvent event) {
        if (!running) {
            return;
        }
        running = false;
        long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
        while (!leases.isEmpty() && System.nanoTime() < deadline) {
            sleep(50);
        }
        try {
            int released = leases.releaseAll();
            if (released > 0) {
                LOG.infof("Stopping: %d deliveries still in progress were given back to the inbox", released);
            }
        } catch (RuntimeException e) {
            LOG.warnf("Stopping: could not give back the deliveries in progress (%s); their leases run out within %s",
                    e.getMessage(), config.lease());
        }
        threads.forEach(Thread::interrupt);
        // Idle listeners give their connections back within a slice; the pool closes after this.
        Notifications.join(threads, Duration.ofSeconds(2));
    }

    /** The events some handler takes; deliveries of others wait in the inbox until a handler for them exists. */
    public Set<String> handledEvents() {
        return Set.copyOf(handlers.keySet());
    }

    /** Processes every due delivery; returns how many it finished. Public so tests and operators can drive it. */
    public int drain() {
        int done = 0;
        Optional<DeliveryQueue.Claimed> claimed;
        while (running || threads.isEmpty()) {
            if (!threads.isEmpty() && config.yieldAbove() > 0
                    && pressure.perSecond(clock.millis()) > config.yieldAbove()) {
                // Webhooks pour in: answering GitHub comes first, the backlog is worked off when they ease.
                sleep(config.yieldPause().toMillis());
            }
            claimed = queue.claim(handlers.keySet());
            if (claimed.isEmpty()) {
                break;
            }
            if (process(claimed.get())) {
                done++;
            }
        }
        return done;
    }

    private boolean process(DeliveryQueue.Claimed claimed) {
        DeliveryHandler handler = handlers.get(claimed.event());
        leases.hold(claimed);
        try {
            queue.complete(claimed, handler);
            processed.increment();
            return true;
        } catch (DeliveryQueue.LeaseLostException e) {
            LOG.warn(e.getMessage());
            return false;
        } catch (RuntimeException e) {
            if (stopping()) {
                // Interrupted by the stop, which gave the delivery back already; the database may be closing.
                LOG.infof("Stopping: delivery %s (%s) was given back unfinished (%s)", claimed.deliveryId(),
                        claimed.event(), e.getMessage());
                return false;
            }
            failed.increment();
            Delivery.State next = queue.fail(claimed, rootRetryable(e), ThreadLocalRandom.current());
            LOG.warnf("Delivery %s (%s) attempt %d failed, now %s: %s", claimed.deliveryId(), claimed.event(),
                    claimed.attempts(), next, e.getMessage());
            if (next == Delivery.State.DEAD || next == Delivery.State.FAILED) {
                gaveUp(handler, claimed, next, e);
            }
            return false;
        } finally {
            leases.letGo(claimed);
        }
    }

    /** The worker's own threads were told to stop (a drain driven by a test has none). */
    private boolean stopping() {
        return !running && !threads.isEmpty();
    }

    /** The delivery will not be tried again: its handler leaves nothing half done where people look. */
    private static void gaveUp(DeliveryHandler handler, DeliveryQueue.Claimed claimed, Delivery.State state,
            RuntimeException error) {
        try {
            handler.gaveUp(claimed.deliveryId(), claimed.event(), claimed.action(),
                    DeliveryQueue.payload(claimed), state.name(), error.getMessage());
        } catch (RuntimeException e) {
            LOG.errorf("Delivery %s (%s) is %s, and what it left in progress could not be closed: %s",
                    claimed.deliveryId(), claimed.event(), state, e.getMessage());
        }
    }

    /** The transaction layer may wrap what the handler threw; the retry decision belongs to the original. */
    private static Throwable rootRetryable(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof RetryLater) {
                return t;
            }
        }
        return e;
    }

    private void run() {
        while (running) {
            try {
                wakeUps.serve(DeliveryWakeUp.CHANNEL, config.pollInterval(), () -> running, this::drain);
            } catch (SQLException e) {
                if (running) {
                    LOG.warnf("The delivery worker lost its database connection (%s); retrying in 5 s", e.getMessage());
                    sleep(5000);
                }
            } catch (RuntimeException e) {
                if (running) {
                    LOG.error("The delivery worker hit an unexpected error; it continues in 5 s", e);
                    sleep(5000);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
