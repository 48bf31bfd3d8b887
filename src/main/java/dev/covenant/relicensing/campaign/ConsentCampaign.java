package dev.covenant.relicensing.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

import dev.covenant.jdbc.Rows;

/** A planned license change of one repository, open for answers until a maintainer closes it. */
@Entity
@Table(name = "consent_campaign")
public class ConsentCampaign extends PanacheEntityBase {

    public enum State {
        OPEN, CLOSED
    }

    /** Taken from {@code consent_campaign_id_seq} before the row is written: the opening ledger event names it. */
    @Id
    public Long id;

    @Column(nullable = false)
    public String repository;

    @Column(name = "from_license", nullable = false)
    public String fromLicense;

    @Column(name = "to_license", nullable = false)
    public String toLicense;

    @Column(nullable = false)
    @Enumerated(EnumType.STRING)
    public State state;

    @Column(name = "opened_by", nullable = false)
    public String openedBy;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    @Column(name = "open_ledger_seq", nullable = false)
    public long openLedgerSeq;

    @Column(name = "closed_by")
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    public String evidence;

    @Column(name = "evidence_sha256")
    public String evidenceSha256;

    @Column(name = "close_ledger_seq")
    public Long closeLedgerSeq;

    public boolean open() {
        return state == State.OPEN;
    }

    public String owner() {
        return repository.substring(0, repository.indexOf('/'));
    }

    public String repo() {
        return repository.substring(repository.indexOf('/') + 1);
    }

    /** The next id from {@code consent_campaign_id_seq}, taken before the row is written. */
    static long nextId() {
        return getSession().doReturningWork(c -> Rows.first(c, "SELECT nextval('consent_campaign_id_seq')",
                rs -> rs.getLong(1)).orElseThrow());
    }

    /** A campaign of this repository; another repository's campaign is as absent as none. */
    public static Optional<ConsentCampaign> findIn(String repository, long id) {
        return ConsentCampaign.<ConsentCampaign>findByIdOptional(id).filter(c -> c.repository.equals(repository));
    }

    /** The same, with its row locked until the transaction ends: answers and closing never interleave. */
    public static Optional<ConsentCampaign> lockIn(String repository, long id) {
        return ConsentCampaign.<ConsentCampaign>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .filter(c -> c.repository.equals(repository));
    }

    public static List<ConsentCampaign> listFor(String repository) {
        return list("repository = ?1 order by id desc", repository);
    }

    public static List<ConsentCampaign> listOpen(String repository) {
        return list("repository = ?1 and state = ?2 order by id desc", repository, State.OPEN);
    }
}
