package dev.covenant.checks;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.jboss.logging.Logger;

import dev.covenant.ledger.Ledger;
import dev.covenant.ledger.LedgerEntry;

/**
 * Closes the gap between an evaluation and a coverage change that commits while it runs. The evaluation may read
 * coverage before the change is visible, while the change's own re-evaluations ({@link Reevaluations}, in the
 * change's transaction) look for the pull request's contributors before the evaluation has recorded them: the pull
 * request would keep a result the change made wrong. Every coverage change appends to the ledger under its append
 * lock, held until the change commits. So an evaluation notes the ledger's head before it reads coverage and, once its
 * contributors are recorded, takes that lock for a moment and looks again: either the change's query saw the
 * contributors (it took the lock first, and queued a re-evaluation), or this look waits for the change to commit and
 * sees the head moved, and queues one itself. Any other ledger entry meanwhile costs one needless re-evaluation.
 */
@ApplicationScoped
public class CoverageFence {

    private static final Logger LOG = Logger.getLogger(CoverageFence.class);

    private final Ledger ledger;
    private final Reevaluations reevaluations;

    CoverageFence(Ledger ledger, Reevaluations reevaluations) {
        this.ledger = ledger;
        this.reevaluations = reevaluations;
    }

    /** The ledger's head now, to be given to {@link #recheckIfMoved} after the evaluation is recorded. */
    long mark() {
        return QuarkusTransaction.requiringNew().call(CoverageFence::head);
    }

    /** Queues another evaluation of the pull request if the ledger moved since {@code mark}; whether it did. */
    boolean recheckIfMoved(String repository, int number, long mark) {
        boolean moved = QuarkusTransaction.requiringNew().call(() -> {
            ledger.lock();
            if (head() == mark) {
                return false;
            }
            reevaluations.enqueue(repository, number, "coverage changed during an evaluation");
            return true;
        });
        if (moved) {
            LOG.infof("%s#%d - the ledger moved during the evaluation; the pull request is evaluated again",
                    repository, number);
        }
        return moved;
    }

    private static long head() {
        return LedgerEntry.findLatest().map(e -> e.seq).orElse(0L);
    }
}
