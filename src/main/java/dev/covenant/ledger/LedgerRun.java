package dev.covenant.ledger;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.covenant.jdbc.CopyRows;
import dev.covenant.jdbc.EncodedCopy;

/**
 * A long run of appends in one transaction, for imports of many thousand records: the caller holds the ledger's lock
 * ({@link Ledger#run()} took it), knows in advance the number each entry will get ({@link #seqOf}), hashes its rows
 * from their values, and has the run chain its entries ({@link #chain}) in order and
 * write them ({@link #copy}) on its own connection, while it prepares the next ones. Nothing here touches Hibernate.
 */
public final class LedgerRun {

    /** One entry to chain: its kind, its event already in canonical form, and the row it speaks for (hashed). */
    public record Appended(String kind, String canonicalEvent, ProtectedTable.ProtectedRow row) {
    }

    private final long first;
    private final Instant recordedAt;
    private long seq;
    private String prevHash;

    LedgerRun(long lastSeq, String lastHash, Instant recordedAt) {
        this.first = lastSeq + 1;
        this.seq = lastSeq;
        this.prevHash = lastHash;
        this.recordedAt = recordedAt;
    }

    /** The number the {@code index}th entry of the run (from 0) gets. */
    public long seqOf(long index) {
        return first + index;
    }

    /**
     * Chains the next entries, in order: each gets the next number, which must be the one {@link #seqOf} promised the
     * row it speaks for.
     */
    public List<LedgerEntry> chain(List<Appended> appended) {
        List<LedgerEntry> entries = new ArrayList<>(appended.size());
        for (Appended a : appended) {
            ProtectedTable.ProtectedRow row = a.row();
            if (row != null && row.hash() == null) {
                throw new IllegalArgumentException("A run of appends hashes its rows itself; " + row.id() + " is not");
            }
            LedgerEntry entry = new LedgerEntry();
            entry.seq = ++seq;
            entry.format = LedgerChain.CURRENT_FORMAT;
            entry.kind = a.kind();
            entry.event = a.canonicalEvent();
            entry.recordedAt = recordedAt;
            if (row != null) {
                entry.rowTable = row.table().table();
                entry.rowId = row.id();
                entry.rowHash = row.hash();
            }
            entry.prevHash = prevHash;
            entry.hash = LedgerChain.hashOfCanonical(entry.link());
            prevHash = entry.hash;
            entries.add(entry);
        }
        return entries;
    }

    /**
     * Chained entries encoded for one {@code COPY}, for the connection of the transaction that holds the lock to send
     * ({@link EncodedCopy#send}); {@code buffer} is the caller's, reused from one call to the next.
     */
    public static EncodedCopy encode(List<LedgerEntry> entries, CopyRows buffer) {
        return Ledger.encode(entries, buffer);
    }
}
