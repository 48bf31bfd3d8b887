package dev.covenant.signing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** An approval taken off a company's list, as its own append-only row: the approval itself never changes. */
@Entity
@Table(name = "approval_removal")
public class ApprovalRemoval extends PanacheEntityBase {

    @Id
    @Column(name = "approval_id")
    public long approvalId;

    @Column(name = "removed_at", nullable = false)
    public Instant removedAt;

    @Column(name = "removed_by")
    public Long removedBy;

    @Column(name = "ledger_seq")
    public Long ledgerSeq;
}
