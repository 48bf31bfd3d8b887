package dev.covenant.signing;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import dev.covenant.agreement.AgreementVersion;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;

/** A company's signature of a corporate agreement version, by a signatory on its behalf. */
@Entity
@Table(name = "corporate_agreement")
public class CorporateAgreement extends PanacheEntityBase {

    @Id
    public UUID id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agreement_version_id")
    public AgreementVersion version;

    @Column(nullable = false)
    public String company;

    @Column(name = "signatory_github_id", nullable = false)
    public long signatoryGithubId;

    @Column(name = "signatory_title", nullable = false)
    public String signatoryTitle;

    @Column(name = "contact_email", nullable = false)
    public String contactEmail;

    @Column(nullable = false)
    public String fields;

    @Column(name = "signed_at", nullable = false)
    public Instant signedAt;

    public String ip;

    @Column(name = "user_agent")
    public String userAgent;

    @Column(name = "ledger_seq", nullable = false)
    public long ledgerSeq;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    @Column(name = "revocation_ledger_seq")
    public Long revocationLedgerSeq;

    /** The corporate agreements a person manages (the signatory is always a manager). */
    public static List<CorporateAgreement> managedBy(long githubId) {
        return list("id in (select m.corporateId from ClaManager m where m.githubId = ?1) order by company", githubId);
    }
}
