package dev.covenant.agreement;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import org.hibernate.annotations.Immutable;

/** One published text of an agreement with its terms; never changed once written (the database enforces it). */
@Entity
@Immutable
@Table(name = "agreement_version")
public class AgreementVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(optional = false)
    @JoinColumn(name = "agreement_id")
    public Agreement agreement;

    @Column(nullable = false)
    public String version;

    public int major;
    public int minor;
    public int patch;

    @Column(nullable = false)
    public String text;

    @Column(nullable = false)
    public String sha256;

    @Column(name = "published_at", nullable = false)
    public Instant publishedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "grant_type", nullable = false)
    public GrantType grantType;

    public boolean sublicensable;

    @Column(name = "covers_prior_contributions")
    public boolean coversPriorContributions;

    @Column(name = "patent_grant")
    public boolean patentGrant;

    @Enumerated(EnumType.STRING)
    @Column(name = "outbound_policy", nullable = false)
    public OutboundPolicy outboundPolicy;

    /** SPDX ids, comma-separated, for the policies that list them. */
    @Column(name = "outbound_licenses", nullable = false)
    public String outboundLicenses;

    /** The signing form as JSON; see {@link FormField}. */
    @Column(name = "form_fields", nullable = false)
    public String formFields;

    public List<FormField> formFields() {
        return FormFieldsJson.read(formFields);
    }

    public SemanticVersion semanticVersion() {
        return new SemanticVersion(major, minor, patch);
    }

    public RelicensingTerms terms() {
        List<String> listed = outboundLicenses.isEmpty() ? List.of() : Arrays.asList(outboundLicenses.split(","));
        return new RelicensingTerms(grantType, sublicensable, coversPriorContributions, patentGrant, outboundPolicy,
                listed);
    }

    public static List<AgreementVersion> findFor(Agreement agreement) {
        return list("agreement = ?1 order by major, minor, patch", agreement);
    }

    public static Optional<AgreementVersion> findLatest(Agreement agreement) {
        return find("agreement = ?1 order by major desc, minor desc, patch desc", agreement).firstResultOptional();
    }

    public static Optional<AgreementVersion> find(Agreement agreement, String version) {
        return find("agreement = ?1 and version = ?2", agreement, version).firstResultOptional();
    }
}
