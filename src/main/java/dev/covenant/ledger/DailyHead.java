package dev.covenant.ledger;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

/** Writes the day's signed head into the ledger; every instance tries, the first one of the day writes it. */
@ApplicationScoped
class DailyHead {

    private static final Logger LOG = Logger.getLogger(DailyHead.class);

    private final LedgerHeads heads;

    DailyHead(LedgerHeads heads) {
        this.heads = heads;
    }

    @Scheduled(every = "${covenant.ledger.head-check:1h}", delayed = "${covenant.ledger.head-check:1h}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        if (heads.recordDailyHead()) {
            LOG.info("ledger - the day's signed head is recorded");
        }
    }
}
