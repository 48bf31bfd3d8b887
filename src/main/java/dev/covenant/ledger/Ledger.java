package dev.covenant.ledger;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongFunction;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.ObjectNode;

import dev.covenant.jdbc.AdvisoryLocks;
import dev.covenant.jdbc.CopyRows;
import dev.covenant.jdbc.CopyStream;
import dev.covenant.jdbc.EncodedCopy;

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
        return write(List.of(new RowEvent(kind, event, null)), () -> {
        }).get(0);
    }

    /**
     * Appends an event that speaks for one row of a {@link ProtectedTable}: {@code writeRow} receives the entry's
     * sequence number, writes the row (with that number as its ledger reference) and names it; the entry then stores
     * the row's hash as the database holds it, which verify re-derives from the row later.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerEntry appendFor(String kind, ObjectNode event, LongFunction<ProtectedTable.ProtectedRow> writeRow) {
        return write(List.of(new RowEvent(kind, event, writeRow)), () -> {
        }).get(0);
    }

    /**
     * Appends several events about rows at once, in order, as {@link #appendFor} appends one: one lock, one look at
     * the chain's end, the rows written together and hashed in one query per table. What a batch of signings needs.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LedgerEntry> appendAllFor(List<RowEvent> events) {
        return write(events, () -> {
        });
    }

    /**
     * {@link #appendAllFor}, for rows that are written together: each event's {@code writeRow} only takes its number
     * and names its row, then {@code writeRows} writes them all (with one statement, say) before they are hashed.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<LedgerEntry> appendAllFor(List<RowEvent> events, Runnable writeRows) {
        return write(events, writeRows);
    }

    /** One event for {@link #appendAllFor}: its kind, its body, and how to write its row given the entry's number. */
    public record RowEvent(String kind, ObjectNode event, LongFunction<ProtectedTable.ProtectedRow> writeRow) {
    }

    /** Holds the append lock until the caller's transaction ends (it may be taken again by the same caller). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void lock() {
        LedgerEntry.getSession().doWork(c -> AdvisoryLocks.holdUntilTransactionEnds(c, APPEND_LOCK));
    }

    /**
     * Starts a run of appends that the caller chains and writes itself ({@link LedgerRun}), after the chain's current
     * end; takes the lock, held until the caller's transaction ends.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public LedgerRun run() {
        lock();
        // PostgreSQL keeps microseconds: the hashed time must be the stored one.
        LedgerEntry latest = LedgerEntry.findLatest().orElse(null);
        return new LedgerRun(latest == null ? 0 : latest.seq, latest == null ? LedgerChain.GENESIS : latest.hash,
                Instant.now(clock).truncatedTo(ChronoUnit.MICROS));
    }

    /** The rows are numbered before they are written, then hashed, then the entries chained: as a run does. */
    private List<LedgerEntry> write(List<RowEvent> events, Runnable writeRows) {
        if (events.isEmpty()) {
            return List.of();
        }
        LedgerRun run = run();
        List<ProtectedTable.ProtectedRow> rows = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            RowEvent e = events.get(i);
            rows.add(e.writeRow() == null ? null : e.writeRow().apply(run.seqOf(i)));
        }
        writeRows.run();
        Map<ProtectedTable, Map<String, String>> hashes = rowHashes(rows);
        List<LedgerRun.Appended> appended = new ArrayList<>(events.size());
        for (int i = 0; i < events.size(); i++) {
            ProtectedTable.ProtectedRow row = rows.get(i);
            if (row != null && row.hash() == null) {
                String hash = hashes.get(row.table()).get(row.id());
                if (hash == null) {
                    throw new IllegalStateException("The ledger was asked to protect " + row.table().table() + " "
                            + row.id() + ", which was not written first");
                }
                row = new ProtectedTable.ProtectedRow(row.table(), row.id(), hash);
            }
            appended.add(new LedgerRun.Appended(events.get(i).kind(), CanonicalJson.write(events.get(i).event()),
                    row));
        }
        List<LedgerEntry> entries = run.chain(appended);
        insert(entries);
        return entries;
    }

    /**
     * Writes the entries with one {@code COPY} whatever their number: the rows stream to PostgreSQL as they are
     * encoded, with no statement to parse and no array literal to build.
     */
    private static void insert(List<LedgerEntry> entries) {
        LedgerEntry.getSession().doWork(c -> copy(c, entries));
    }

    private static final String COPY = "COPY ledger_entry (seq, format, kind, event, prev_hash, hash, recorded_at,"
            + " row_table, row_id, row_hash) FROM STDIN";

    static void copy(Connection c, List<LedgerEntry> entries) throws SQLException {
        try (CopyStream copy = CopyStream.open(c, COPY)) {
            for (LedgerEntry e : entries) {
                row(copy.row(), e, e.recordedAt.toString());
                copy.endRow();
            }
            long written = copy.finish();
            if (written != entries.size()) {
                throw new IllegalStateException("The ledger wrote " + written + " of " + entries.size() + " entries");
            }
        }
    }

    /** The entries encoded for one {@code COPY}, sent later ({@link EncodedCopy}); {@code buffer} is reused. */
    static EncodedCopy encode(List<LedgerEntry> entries, CopyRows buffer) {
        // A run's entries share one time: its text is made once, not once an entry.
        Instant at = null;
        String atText = null;
        for (LedgerEntry e : entries) {
            if (!e.recordedAt.equals(at)) {
                at = e.recordedAt;
                atText = at.toString();
            }
            row(buffer, e, atText);
            buffer.endRow();
        }
        return EncodedCopy.take(COPY, buffer, entries.size());
    }

    private static void row(CopyRows row, LedgerEntry e, String recordedAt) {
        row.number(e.seq).number(e.format).text(e.kind).text(e.event).text(e.prevHash).text(e.hash).text(recordedAt)
                .text(e.rowTable).text(e.rowId).text(e.rowHash);
    }

    /** The rows' hashes as the database holds them, after writing them: one query per table. */
    private static Map<ProtectedTable, Map<String, String>> rowHashes(List<ProtectedTable.ProtectedRow> rows) {
        Map<ProtectedTable, List<String>> ids = new EnumMap<>(ProtectedTable.class);
        rows.stream().filter(r -> r != null && r.hash() == null)
                .forEach(r -> ids.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r.id()));
        if (ids.isEmpty()) {
            return Map.of();
        }
        LedgerEntry.getEntityManager().flush();
        Map<ProtectedTable, Map<String, String>> hashes = new EnumMap<>(ProtectedTable.class);
        LedgerEntry.getSession().doWork(c -> {
            for (Map.Entry<ProtectedTable, List<String>> table : ids.entrySet()) {
                hashes.put(table.getKey(), RowHashes.of(c, table.getKey(), table.getValue()));
            }
        });
        return hashes;
    }
}
