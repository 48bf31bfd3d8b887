package dev.covenant.signing;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import org.jboss.logging.Logger;

import dev.covenant.web.PageException;

/**
 * Group commit for signatures. Every ledger append holds the ledger's one lock until its transaction commits, and a
 * commit waits for the disk, so signatures recorded one transaction each queue behind one another (about 50 a
 * second on the build machine). Here one writer records every signature that arrived while it wrote the previous
 * ones in one transaction: one lock, one disk flush for the whole batch, each with its own ledger entry, in order.
 * The batch is recorded by {@link SigningService#signAll}, a handful of statements whatever its size. A caller returns
 * once its batch committed. Should one signature of a batch fail, the batch is rolled back and each
 * of its signatures is recorded alone, so that only the failing one fails.
 */
@ApplicationScoped
public class SigningBatcher {

    private static final Logger LOG = Logger.getLogger(SigningBatcher.class);
    /** The most signatures one transaction records. */
    static final int MAX_BATCH = 200;
    private static final long COMMIT_WAIT_SECONDS = 60;

    /** A signature to record: a request checked already, or a click whose form the batch checks ({@link SignClicks}). */
    private record Pending(SigningRequest request, SignClicks.Click click, CompletableFuture<UUID> done) {
    }

    private final SigningService signing;
    private final BlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
    private volatile boolean open;
    private Thread writer;

    SigningBatcher(SigningService signing) {
        this.signing = signing;
    }

    void start(@Observes StartupEvent event) {
        open = true;
        writer = new Thread(this::run, "covenant-signing-writer");
        writer.setDaemon(true);
        writer.start();
    }

    /** Writes what is queued, then stops taking signatures; runs before the database goes. */
    void stop(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE + 5) ShutdownEvent event) {
        open = false;
        if (writer != null) {
            try {
                writer.join(TimeUnit.SECONDS.toMillis(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        for (Pending left; (left = queue.poll()) != null;) {
            left.done().completeExceptionally(unavailable());
        }
    }

    /**
     * Records the signature (or returns the person's active one of that version) and returns its id once committed.
     * Must not be called inside a transaction: the caller would hold a connection while the batch needs one.
     */
    public UUID sign(SigningRequest request) {
        return submit(request, null);
    }

    /**
     * Checks the click's form with the others of its batch and records the signature as {@link #sign(SigningRequest)}
     * does; a form that is not valid throws {@link SignClicks.Refused}, a click on the wrong version a
     * {@link PageException}.
     */
    UUID sign(SignClicks.Click click) {
        return submit(null, click);
    }

    private UUID submit(SigningRequest request, SignClicks.Click click) {
        if (!open) {
            throw unavailable();
        }
        CompletableFuture<UUID> done = new CompletableFuture<>();
        queue.add(new Pending(request, click, done));
        try {
            return done.get(COMMIT_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException("recording the signature failed", e.getCause());
        } catch (TimeoutException e) {
            throw new PageException(503, "Signing is busy",
                    "Your signature could not be recorded in time. Please submit the form again.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw unavailable();
        }
    }

    private void run() {
        List<Pending> batch = new ArrayList<>(MAX_BATCH);
        while (open || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                batch.add(first);
                queue.drainTo(batch, MAX_BATCH - 1);
                write(batch);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.errorf(e, "The signing writer failed on a batch of %d", batch.size());
                batch.forEach(p -> p.done().completeExceptionally(e));
            } finally {
                batch.clear();
            }
        }
    }

    private void write(List<Pending> batch) {
        Object[] outcomes = new Object[batch.size()];
        long started = System.nanoTime();
        long[] phases = new long[2];
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                List<SignClicks.Click> clicks = batch.stream().map(Pending::click).filter(c -> c != null).toList();
                Iterator<Object> checked = SignClicks.check(clicks).iterator();
                phases[0] = System.nanoTime();
                List<SigningRequest> requests = new ArrayList<>(batch.size());
                List<Integer> places = new ArrayList<>(batch.size());
                for (int i = 0; i < batch.size(); i++) {
                    Object request = batch.get(i).click() == null ? batch.get(i).request() : checked.next();
                    if (request instanceof SigningRequest valid) {
                        requests.add(valid);
                        places.add(i);
                    } else {
                        outcomes[i] = request;
                    }
                }
                List<Signature> signed = signing.signAll(requests);
                for (int k = 0; k < signed.size(); k++) {
                    outcomes[places.get(k)] = signed.get(k).id;
                }
                phases[1] = System.nanoTime();
            });
            if (LOG.isDebugEnabled()) {
                long now = System.nanoTime();
                LOG.debugf("A batch of %d signatures written in %d ms: forms checked in %d ms, recorded in %d ms,"
                        + " committed in %d ms", batch.size(), (now - started) / 1_000_000,
                        (phases[0] - started) / 1_000_000, (phases[1] - phases[0]) / 1_000_000,
                        (now - phases[1]) / 1_000_000);
            }
        } catch (RuntimeException e) {
            if (batch.size() == 1) {
                batch.get(0).done().completeExceptionally(e);
                return;
            }
            LOG.warnf("A batch of %d signatures failed (%s); recording each alone", batch.size(), e.getMessage());
            for (Pending p : batch) {
                write(List.of(p));
            }
            return;
        }
        for (int i = 0; i < batch.size(); i++) {
            if (outcomes[i] instanceof UUID id) {
                batch.get(i).done().complete(id);
            } else {
                batch.get(i).done().completeExceptionally((RuntimeException) outcomes[i]);
            }
        }
    }

    private static PageException unavailable() {
        return new PageException(503, "Covenant is stopping", "Please submit the form again in a moment.");
    }
}
