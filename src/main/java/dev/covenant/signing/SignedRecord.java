package dev.covenant.signing;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** The evidence every signing keeps, individual or corporate: when, from where, its ledger entry. */
@MappedSuperclass
public abstract class SignedRecord extends PanacheEntityBase {

    /** The form values as canonical JSON. */
    @Column(nullable = false)
    public String fields;

    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;

    public String ip;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "ledger_seq", nullable = false)
    public long ledgerSeq;

    void recordOrigin(Origin origin) {
        ip = origin.ip();
        userAgent = origin.userAgent();
    }
}
