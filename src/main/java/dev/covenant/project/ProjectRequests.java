package dev.covenant.project;

import java.util.List;

/** The JSON bodies the project API accepts. */
public final class ProjectRequests {

    private ProjectRequests() {
    }

    /** Links a GitHub owner (repo absent or empty) or a repository to an agreement. */
    public record NewProject(String owner, String repo, String agreement, String corporateAgreement,
            AcceptancePolicy accepts, String acceptsSince,
            List<String> allowlist, List<NewLicense> licenses, Boolean checkCommitters) {
    }

    /**
     * Changes which versions a project accepts, who never needs to sign, and whether committers must be covered too
     * (absent: no).
     */
    public record Settings(AcceptancePolicy accepts, String acceptsSince, List<String> allowlist,
            Boolean checkCommitters) {
    }

    /** From {@code from} on (an ISO date), the project is licensed under the SPDX expression {@code spdx}. */
    public record NewLicense(String from, String spdx) {
    }
}
