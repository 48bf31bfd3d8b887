package dev.covenant.ledger;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One entry of the append-only ledger; the database refuses to change or delete it. */
@Entity
@Table(name = "ledger_entry")
public class LedgerEntry extends PanacheEntityBase {

    @Id
    public long seq;

    /** How {@link #hash} is computed: see {@link LedgerChain}. */
    @Column(nullable = false)
    public int format;

    @Column(nullable = false)
    public String kind;

    @Column(nullable = false)
    public String event;

    @Column(name = "prev_hash", nullable = false)
    public String prevHash;

    @Column(nullable = false)
    public String hash;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** The table of the row this entry speaks for, or null. */
    @Column(name = "row_table")
    public String rowTable;

    @Column(name = "row_id")
    public String rowId;

    /** The row's hash when the entry was written; verify re-derives it from the row. */
    @Column(name = "row_hash")
    public String rowHash;

    public static Optional<LedgerEntry> findLatest() {
        return find("order by seq desc").firstResultOptional();
    }

    public static List<LedgerEntry> findPage(long afterSeq, int limit) {
        return find("seq > ?1 order by seq", afterSeq).page(0, limit).list();
    }

    public LedgerChain.Link link() {
        return new LedgerChain.Link(seq, format, kind, event, prevHash, hash, recordedAt, rowTable, rowId, rowHash);
    }
}
