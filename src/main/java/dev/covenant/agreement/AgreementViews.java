package dev.covenant.agreement;

import java.time.Instant;
import java.util.List;

/** What the agreement API answers. */
public final class AgreementViews {

    private AgreementViews() {
    }

    public record AgreementView(String slug, String title, AgreementKind kind, Instant createdAt, String latestVersion,
            List<String> versions) {

        static AgreementView of(Agreement agreement, List<AgreementVersion> versions) {
            List<String> names = versions.stream().map(v -> v.version).toList();
            return new AgreementView(agreement.slug, agreement.title, agreement.kind, agreement.createdAt,
                    names.isEmpty() ? null : names.get(names.size() - 1), names);
        }
    }

    public record LedgerRef(long seq, String hash) {
    }

    public record VersionView(String agreement, String version, String sha256, Instant publishedAt,
            RelicensingTerms terms, String plainWords, String text, LedgerRef ledgerEntry) {

        static VersionView of(AgreementVersion v, LedgerRef ledgerEntry) {
            RelicensingTerms terms = v.terms();
            return new VersionView(v.agreement.slug, v.version, v.sha256, v.publishedAt, terms,
                    terms.outboundPolicy().plainWords(terms.outboundLicenses()), v.text, ledgerEntry);
        }
    }
}
