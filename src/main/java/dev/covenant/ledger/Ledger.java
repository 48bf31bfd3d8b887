package dev.covenant.ledger;

import java.time.Clock;
import java.time.Instant;

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
    private static final long APPEND_LOCK = 0x636f76656e616e74L;

    private final Clock clock;

    Ledger(Clock clock) {
        this.clock = clock;
    }

    /** Appends one event within the caller's transaction; the event must not hold floating-point numbers. */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerEntry append(String kind, ObjectNode event) {
        LedgerEntry.getSession().doWork(c -> AdvisoryLocks.holdUntilTransactionEnds(c, APPEND_LOCK));
        LedgerEntry previous = LedgerEntry.findLatest().orElse(null);
        LedgerEntry entry = new LedgerEntry();
        entry.seq = previous == null ? 1 : previous.seq + 1;
        entry.kind = kind;
        entry.event = CanonicalJson.write(event);
        entry.prevHash = previous == null ? LedgerChain.GENESIS : previous.hash;
        entry.hash = LedgerChain.hash(entry.prevHash, entry.seq, kind, entry.event);
        entry.recordedAt = Instant.now(clock);
        entry.persist();
        return entry;
    }
}
