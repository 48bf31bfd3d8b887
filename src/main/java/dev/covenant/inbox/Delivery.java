package dev.covenant.inbox;

import java.time.Instant;
import java.util.List;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A webhook delivery as received, and where it stands. */
@Entity
@Table(name = "delivery")
public class Delivery extends PanacheEntityBase {

    public enum State {
        /** Waiting for the worker (or for its next attempt). */
        PENDING,
        /** Taken by a worker. */
        PROCESSING, DONE,
        /** Could never be processed (unreadable payload); kept as evidence. */
        FAILED,
        /** Gave up after the last retry; an admin can send it round again. */
        DEAD,
        /** An event or action Covenant does not act on; recorded, not retried. */
        IGNORED
    }

    @Id
    @Column(name = "delivery_id")
    public String deliveryId;

    @Column(nullable = false)
    public String event;

    public String action;

    @Column(name = "installation_id")
    public Long installationId;

    public String repository;

    @Column(nullable = false)
    public byte[] payload;

    @Column(name = "received_at", nullable = false)
    public Instant receivedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public State state;

    public int attempts;

    @Column(name = "next_attempt_at", nullable = false)
    public Instant nextAttemptAt;

    @Column(name = "lease_until")
    public Instant leaseUntil;

    @Column(name = "last_error")
    public String lastError;

    public static List<Delivery> recent(State state, int limit) {
        return state == null
                ? find("order by receivedAt desc").page(0, limit).list()
                : find("state = ?1 order by receivedAt desc", state).page(0, limit).list();
    }
}
