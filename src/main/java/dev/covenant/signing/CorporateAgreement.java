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

import org.hibernate.annotations.Formula;

import dev.covenant.agreement.AgreementVersion;

/** A company's signature of a corporate agreement version, by a signatory on its behalf. */
@Entity
@Table(name = "corporate_agreement")
public class CorporateAgreement extends SignedRecord {

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

    /** When it was revoked, from its revocation row: a revocation is a new row, never a change of this one. */
    @Formula("(SELECT r.revoked_at FROM corporate_revocation r WHERE r.corporate_id = id)")
    public Instant revokedAt;

    /** The corporate agreements a person manages (the signatory is always a manager). */
    public static List<CorporateAgreement> managedBy(long githubId) {
        return list("id in (select m.corporateId from ClaManager m where m.githubId = ?1) order by company", githubId);
    }
}
