package dev.covenant.commentsigning;

import java.util.Optional;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.covenant.agreement.AgreementVersion;
import dev.covenant.agreement.FormField;
import dev.covenant.coverage.ProjectTerms;

/**
 * The agreement version a signing comment signs: the one whose text Covenant's comment on the pull request showed
 * (by its SHA-256), if that is a version of the project's agreement the project accepts; else the one the project
 * asks for. {@code asksForm}: the version has a required form field, which a comment cannot fill in.
 */
record VersionToSign(long id, String version, boolean asksForm) {

    static Optional<VersionToSign> of(ProjectTerms terms, Optional<String> shownSha256) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Optional<AgreementVersion> shown = shownSha256.flatMap(sha -> AgreementVersion
                    .<AgreementVersion>find("agreement.id = ?1 and sha256 = ?2", terms.agreementId(), sha).stream()
                    .filter(v -> terms.accepted().contains(v.id)).findFirst());
            Optional<AgreementVersion> chosen = shown.isPresent() || terms.askedVersion() == null
                    ? shown
                    : AgreementVersion.<AgreementVersion>find("agreement.id = ?1 and version = ?2", terms.agreementId(),
                            terms.askedVersion()).firstResultOptional();
            return chosen.map(v -> new VersionToSign(v.id, v.version,
                    v.formFields().stream().anyMatch(FormField::required)));
        });
    }
}
