package dev.covenant.agreement;

import java.util.List;

/** The JSON bodies the agreement API accepts. Absent fields arrive as null and are reported by the validator. */
public final class AgreementRequests {

    private AgreementRequests() {
    }

    public record NewAgreement(String slug, String title, AgreementKind kind, NewVersion firstVersion) {
    }

    public record NewVersion(String version, String text, Terms terms, List<FormField> fields) {
    }

    public record Terms(GrantType grant, Boolean sublicensable, Boolean coversPriorContributions, Boolean patentGrant,
            OutboundPolicy outboundPolicy, List<String> outboundLicenses) {

        public RelicensingTerms toTerms() {
            return new RelicensingTerms(grant, sublicensable, coversPriorContributions, patentGrant, outboundPolicy,
                    outboundLicenses);
        }
    }
}
