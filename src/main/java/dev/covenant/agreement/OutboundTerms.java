package dev.covenant.agreement;

import java.util.List;
import java.util.Objects;

/**
 * The outbound promise of one agreement: a policy and, for the policies that need one, the SPDX
 * ids it lists. Listed ids are stored in canonical spelling, so two equal promises compare equal.
 *
 * @param listed single SPDX ids or LicenseRefs (each optionally with {@code +} or {@code WITH});
 *     required for {@link OutboundPolicy#needsList()} policies, and must be empty for the others
 */
public record OutboundTerms(OutboundPolicy policy, List<String> listed) {

    public OutboundTerms {
        Objects.requireNonNull(policy, "policy");
        listed = ListedLicenses.canonical(listed == null ? List.of() : listed);
        if (policy.needsList() && listed.isEmpty()) {
            throw new IllegalArgumentException(policy + " needs at least one listed license");
        }
        if (!policy.needsList() && !listed.isEmpty()) {
            // Silently ignoring the list would let an agreement seem to promise licenses it does not.
            throw new IllegalArgumentException(policy + " does not use a list of licenses, but got " + listed);
        }
    }

    public static OutboundTerms of(OutboundPolicy policy) {
        return new OutboundTerms(policy, List.of());
    }

    /**
     * Whether the project may license contributions under {@code targetSpdxExpression}.
     *
     * @param licenseOnSubmissionDate the project's license when the contribution was submitted;
     *     {@code null} or blank when unknown
     * @throws SpdxParseException if either expression is not valid SPDX
     */
    public Verdict allows(String targetSpdxExpression, String licenseOnSubmissionDate) {
        SpdxExpression submission = licenseOnSubmissionDate == null || licenseOnSubmissionDate.isBlank()
                ? null
                : SpdxExpression.parse(licenseOnSubmissionDate);
        return allows(SpdxExpression.parse(targetSpdxExpression), submission);
    }

    /** Like {@link #allows(String, String)}; {@code licenseOnSubmissionDate} may be {@code null}. */
    public Verdict allows(SpdxExpression target, SpdxExpression licenseOnSubmissionDate) {
        return policy.allows(target, licenseOnSubmissionDate, listed);
    }

    /** The promise in one sentence for the contributor. */
    public String plainWords() {
        return policy.plainWords(listed);
    }
}
