package dev.covenant.project;

import java.time.Instant;
import java.util.List;

/**
 * A project as the API shows it, with the versions of its agreement it accepts today; {@code signByCommentPhrase} is
 * the phrase in force (the default one unless the project names another), also while signing by comment is off.
 */
public record ProjectView(long id, String owner, String repo, String scope, String agreement, String corporateAgreement,
        AcceptancePolicy accepts,
        String acceptsSince, List<String> acceptedVersions, List<String> allowlist, boolean checkCommitters,
        boolean signByComment, String signByCommentPhrase, ProjectMode mode,
        List<LicenseHistory.Entry> licenses, Instant createdAt) {
}
