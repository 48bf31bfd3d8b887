package dev.covenant.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.LongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.covenant.jdbc.AdvisoryLocks;

/**
 * Appends events to the ledger. Appends are serialised by a transaction-scoped advisory lock, so the chain stays a
 * single line across threads and service instances; the lock is released when the caller's transaction ends, which
 * makes the event part of the same commit as the change it records.
 */
@ApplicationScoped
public class Ledger {

    /** An arbitrary constant that names the ledger's lock among the database's advisory locks. */
    static final long APPEND_LOCK = 0x636f76656e616e74L;

    private final Clock clock;

    Ledger(Clock clock) {
        this.clock = clock;
    }

    /** Appends one event within the caller's transaction; the event must not hold floating-point numbers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerEntry append(String kind, ObjectNode event) {
        return write(kind, event, null);
    }

    /**
     * Appends an event that speaks for one row of a {@link ProtectedTable}: {@code writeRow} receives the entry's
     * sequence number, writes the row (with that number as its ledger reference) and names it; the entry then stores
     * the row's hash as the database holds it, which verify re-derives from the row later.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerEntry appendFor(String kind, ObjectNode event, LongFunction<ProtectedTable.ProtectedRow> writeRow) {
        return write(kind, event, writeRow);
    }

    /** Holds the append lock until the caller's transaction ends (it may be taken again by the same caller). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock() {
        LedgerEntry.getSession().doWork(c -> AdvisoryLocks.holdUntilTransactionEnds(c, APPEND_LOCK));
    }

    private LedgerEntry write(String kind, ObjectNode event, LongFunction<ProtectedTable.ProtectedRow> writeRow) {
        lock();
        LedgerEntry previous = LedgerEntry.findLatest().orElse(null);
        LedgerEntry entry = new LedgerEntry();
        entry.seq = previous == null ? 1 : previous.seq + 1;
        entry.format = LedgerChain.CURRENT_FORMAT;
        entry.kind = kind;
        entry.event = CanonicalJson.write(event);
        entry.prevHash = previous == null ? LedgerChain.GENESIS : previous.hash;
        // PostgreSQL keeps microseconds: the hashed time must be the stored one.
        entry.recordedAt = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        if (writeRow != null) {
            ProtectedTable.ProtectedRow row = writeRow.apply(entry.seq);
            LedgerEntry.getEntityManager().flush();
            entry.rowTable = row.table().table();
            entry.rowId = row.id();
            entry.rowHash = LedgerEntry.getSession().doReturningWork(c -> RowHashes.of(c, row));
        }
        entry.hash = LedgerChain.hashOf(entry.link());
        entry.persist();
        return entry;
    }
}
