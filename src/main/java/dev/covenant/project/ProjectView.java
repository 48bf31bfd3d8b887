package dev.covenant.project;

import java.time.Instant;
import java.util.List;

/** A project as the API shows it, with the versions of its agreement it accepts today. */
public record ProjectView(long id, String owner, String repo, String scope, String agreement, String corporateAgreement,
        AcceptancePolicy accepts,
        String acceptsSince, List<String> acceptedVersions, List<String> allowlist, boolean checkCommitters,
        ProjectMode mode, List<LicenseHistory.Entry> licenses, Instant createdAt) {
}
