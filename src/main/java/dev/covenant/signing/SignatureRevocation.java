package dev.covenant.signing;

import java.time.Instant;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The end of a signature, as its own append-only row: the signature itself never changes. */
@Entity
@Table(name = "signature_revocation")
public class SignatureRevocation extends PanacheEntityBase {

    @Id
    @Column(name = "signature_id")
    public UUID signatureId;

    @Column(name = "revoked_at", nullable = false)
    public Instant revokedAt;

    @Column(name = "ledger_seq")
    public Long ledgerSeq;
}
