package dev.covenant.checks;

import java.util.function.BooleanSupplier;

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
 * lock, held until the change commits. So an evaluation notes the ledger's head before it reads coverage, and records
 * its result in a transaction that takes that lock first and looks at the head again: either the change took the
 * lock first, and this look waits for it to commit, sees the head moved and queues a re-evaluation in the same
 * transaction as the result (a crash in between loses neither); or the record came first, and the change's query
 * sees its contributors. Any other ledger entry meanwhile costs one needless re-evaluation.
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

    /** The ledger's head now, before the evaluation reads coverage; to be given to {@link #record}. */
    long mark() {
        return QuarkusTransaction.requiringNew().call(CoverageFence::head);
    }

    /**
     * Runs {@code record} (an evaluation's record, which answers whether it was recorded) under the ledger's append
     * lock and, in the same transaction, queues another evaluation of the pull request if it was recorded and the
     * ledger moved since {@code mark}. Answers whether it was recorded.
     */
    boolean record(String repository, int number, long mark, BooleanSupplier record) {
        boolean[] moved = {false};
        boolean recorded = QuarkusTransaction.requiringNew().call(() -> {
            ledger.lock();
            if (!record.getAsBoolean()) {
                return false;
            }
            if (head() != mark) {
                reevaluations.enqueue(repository, number, "coverage changed during an evaluation");
                moved[0] = true;
            }
            return true;
        });
        if (moved[0]) {
            LOG.infof("%s#%d - the ledger moved during the evaluation; the pull request is evaluated again",
                    repository, number);
        }
        return recorded;
    }

    private static long head() {
        return LedgerEntry.findLatest().map(e -> e.seq).orElse(0L);
    }
}
