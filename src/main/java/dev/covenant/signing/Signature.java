package dev.covenant.signing;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import org.hibernate.annotations.Formula;

import dev.covenant.agreement.AgreementVersion;

/** A person's signature of one agreement version; revoking ends it for later contributions. */
@Entity
@Table(name = "signature")
public class Signature extends SignedRecord {

    @Id
    public UUID id;

    @Column(name = "github_id", nullable = false)
    public long githubId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agreement_version_id")
    public AgreementVersion version;

    @Column(name = "text_sha256", nullable = false)
    public String textSha256;

    /** Where an imported signature came from (canonical JSON: file hash, place, original record); null if signed here. */
    @Column(name = "import_source")
    public String importSource;

    /**
     * The pull-request comment that made this signature (canonical JSON: id, url, repository, number); null if it
     * was signed on the page or imported.
     */
    @Column(name = "signed_by_comment")
    public String signedByComment;

    /** When it was revoked, from its revocation row: a revocation is a new row, never a change of this one. */
    @Formula("(SELECT r.revoked_at FROM signature_revocation r WHERE r.signature_id = id)")
    public Instant revokedAt;

    @Formula("(SELECT r.ledger_seq FROM signature_revocation r WHERE r.signature_id = id)")
    public Long revocationLedgerSeq;

    /** For people: where an imported signature was recorded ("signedContributors[2] of cla-assistant-lite file …"). */
    public String importedFrom() {
        if (importSource == null) {
            return null;
        }
        var source = dev.covenant.ledger.CanonicalJson.read(importSource);
        return source.path("place").asText() + " of the " + source.path("format").asText() + " file with SHA-256 "
                + source.path("file").asText();
    }

    public static List<Signature> findByPerson(long githubId) {
        return list("githubId = ?1 order by signedAt desc", githubId);
    }

    public static Optional<Signature> findActive(long githubId, AgreementVersion version) {
        return find("githubId = ?1 and version = ?2 and revokedAt is null", githubId, version).firstResultOptional();
    }

    public static List<Signature> findByAgreementSlug(String slug) {
        return list("version.agreement.slug = ?1 order by signedAt", slug);
    }
}
