package dev.covenant.relicensing.campaign;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** One answer of one contributor in a campaign; the database refuses to change it, a new answer is a new row. */
@Entity
@Table(name = "consent")
public class Consent extends PanacheEntityBase {

    public enum RecordedAs {
        SELF, MAINTAINER
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "campaign_id", nullable = false)
    public long campaignId;

    @Column(name = "github_id")
    public Long githubId;

    public String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Answer answer;

    public String note;

    @Column(name = "evidence_url")
    public String evidenceUrl;

    @Enumerated(EnumType.STRING)
    @Column(name = "recorded_as", nullable = false)
    public RecordedAs recordedAs;

    @Column(name = "recorded_by", nullable = false)
    public String recordedBy;

    @Column(name = "recorded_by_github_id")
    public Long recordedByGithubId;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    @Column(name = "ledger_seq", nullable = false)
    public long ledgerSeq;

    /** The latest answer a person gave or had recorded in a campaign. */
    public static Optional<Consent> latestOf(long campaignId, long githubId) {
        return find("campaignId = ?1 and githubId = ?2 order by id desc", campaignId, githubId).firstResultOptional();
    }

    /** Every answer of a campaign, oldest first: the history, of which the latest per contributor counts. */
    public static List<Consent> history(long campaignId) {
        return list("campaignId = ?1 order by id", campaignId);
    }

    /** Every answer of these campaigns, oldest first (ids grow with time, across campaigns too). */
    public static List<Consent> history(List<Long> campaignIds) {
        return campaignIds.isEmpty() ? List.of() : list("campaignId in ?1 order by id", campaignIds);
    }
}
