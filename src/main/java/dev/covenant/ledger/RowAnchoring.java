package dev.covenant.ledger;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import org.jboss.logging.Logger;

import dev.covenant.jdbc.Rows;

/**
 * Once, after the upgrade to V20: gives every protected row written before it a {@code ledger.row.anchored} entry that
 * holds its hash, so those rows are protected like new ones from then on, then writes one
 * {@code ledger.rows.anchored} entry that closes the work. Batches are short transactions under the append lock, so
 * several instances share the work and a restart continues it.
 */
@ApplicationScoped
class RowAnchoring {

    private static final Logger LOG = Logger.getLogger(RowAnchoring.class);
    private static final int BATCH = 500;

    private final Ledger ledger;

    RowAnchoring(Ledger ledger) {
        this.ledger = ledger;
    }

    @Scheduled(every = "1h", delayed = "20s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        long anchored = 0;
        while (true) {
            Integer done = QuarkusTransaction.requiringNew().call(this::batch);
            if (done == null) {
                break;
            }
            anchored += done;
        }
        if (anchored > 0) {
            LOG.infof("ledger - %d rows written before V20 are anchored", anchored);
        }
    }

    /** Anchors up to a batch of rows; null once the work is closed. */
    private Integer batch() {
        ledger.lock();
        if (LedgerEntry.getSession().doReturningWork(UnrecordedRows::olderAnchored)) {
            return null;
        }
        long firstOfFormat2 = LedgerEntry.getSession().doReturningWork(FormatStart::firstOfFormat2);
        int done = anchorOlderThan(firstOfFormat2);
        if (done == 0) {
            ledger.append(UnrecordedRows.ANCHORED_KIND,
                    JsonNodeFactory.instance.objectNode().put("before", firstOfFormat2));
        }
        return done;
    }

    /**
     * Gives up to a batch of rows of one table an entry each: rows without one whose ledger reference is missing or
     * older than {@code firstOfFormat2}. How many it anchored; 0 when none is left.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    int anchorOlderThan(long firstOfFormat2) {
        ledger.lock();
        for (ProtectedTable table : ProtectedTable.values()) {
            List<String> ids = LedgerEntry.getSession().doReturningWork(c -> Rows.list(c,
                    "SELECT " + table.idColumn() + "::text FROM " + table.table() + " t WHERE (t.ledger_seq IS NULL"
                            + " OR t.ledger_seq < ?) AND NOT EXISTS (SELECT 1 FROM ledger_entry e WHERE e.row_table = ?"
                            + " AND e.row_id = t." + table.idColumn() + "::text) ORDER BY 1 LIMIT ?",
                    rs -> rs.getString(1), firstOfFormat2, table.table(), BATCH));
            if (!ids.isEmpty()) {
                for (String id : ids) {
                    ledger.appendFor("ledger.row.anchored", JsonNodeFactory.instance.objectNode()
                            .put("table", table.table()).put("id", id), seq -> table.row(id));
                }
                return ids.size();
            }
        }
        return 0;
    }
}
