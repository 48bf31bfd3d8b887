package dev.covenant.project;

import java.util.List;

/** The JSON bodies the project API accepts. */
public final class ProjectRequests {

    private ProjectRequests() {
    }

    /**
     * Links a GitHub owner (repo absent or empty) or a repository to an agreement. {@code signByComment}: whether
     * contributors may sign by commenting {@code signByCommentPhrase} (absent: the default phrase) on a pull request.
     */
    public record NewProject(String owner, String repo, String agreement, String corporateAgreement,
            AcceptancePolicy accepts, String acceptsSince,
            List<String> allowlist, List<NewLicense> licenses, Boolean checkCommitters, Boolean signByComment,
            String signByCommentPhrase) {

        public NewProject(String owner, String repo, String agreement, String corporateAgreement,
                AcceptancePolicy accepts, String acceptsSince, List<String> allowlist, List<NewLicense> licenses,
                Boolean checkCommitters) {
            this(owner, repo, agreement, corporateAgreement, accepts, acceptsSince, allowlist, licenses,
                    checkCommitters, null, null);
        }

        Settings settings() {
            return new Settings(accepts, acceptsSince, allowlist, checkCommitters, signByComment, signByCommentPhrase);
        }
    }

    /**
     * Changes which versions a project accepts, who never needs to sign, and whether committers must be covered too
     * (absent: no), and whether contributors may sign by comment (absent: no).
     */
    public record Settings(AcceptancePolicy accepts, String acceptsSince, List<String> allowlist,
            Boolean checkCommitters, Boolean signByComment, String signByCommentPhrase) {

        public Settings(AcceptancePolicy accepts, String acceptsSince, List<String> allowlist,
                Boolean checkCommitters) {
            this(accepts, acceptsSince, allowlist, checkCommitters, null, null);
        }
    }

    /** From {@code from} on (an ISO date), the project is licensed under the SPDX expression {@code spdx}. */
    public record NewLicense(String from, String spdx) {
    }
}
