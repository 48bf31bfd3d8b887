package dev.covenant.project;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The JSON bodies the project API accepts. {@code mode} is {@code CLA} (absent: the agreement), {@code DCO} (a
 * {@code Signed-off-by:} on every commit) or {@code CLA_OR_DCO} (either, per contributor).
 */
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
            String signByCommentPhrase, @Schema(enumeration = {
                    "CLA", "DCO", "CLA_OR_DCO"}) String mode) {

        public NewProject(String owner, String repo, String agreement, String corporateAgreement,
                AcceptancePolicy accepts, String acceptsSince, List<String> allowlist, List<NewLicense> licenses,
                Boolean checkCommitters) {
            this(owner, repo, agreement, corporateAgreement, accepts, acceptsSince, allowlist, licenses,
                    checkCommitters, null, null, null);
        }

        public NewProject(String owner, String repo, String agreement, String corporateAgreement,
                AcceptancePolicy accepts, String acceptsSince, List<String> allowlist, List<NewLicense> licenses,
                Boolean checkCommitters, String mode) {
            this(owner, repo, agreement, corporateAgreement, accepts, acceptsSince, allowlist, licenses,
                    checkCommitters, null, null, mode);
        }

        Settings settings() {
            return new Settings(accepts, acceptsSince, allowlist, checkCommitters, signByComment, signByCommentPhrase,
                    mode);
        }
    }

    /**
     * Changes which versions a project accepts, who never needs to sign, and whether committers must be covered too
     * (absent: no), whether contributors may sign by comment (absent: no), and how contributors are cleared
     * ({@code mode}, absent: {@code CLA}).
     */
    public record Settings(AcceptancePolicy accepts, String acceptsSince, List<String> allowlist,
            Boolean checkCommitters, Boolean signByComment, String signByCommentPhrase, @Schema(enumeration = {
                    "CLA", "DCO", "CLA_OR_DCO"}) String mode) {

        public Settings(AcceptancePolicy accepts, String acceptsSince, List<String> allowlist,
                Boolean checkCommitters) {
            this(accepts, acceptsSince, allowlist, checkCommitters, null, null, null);
        }

        public Settings(AcceptancePolicy accepts, String acceptsSince, List<String> allowlist,
                Boolean checkCommitters, String mode) {
            this(accepts, acceptsSince, allowlist, checkCommitters, null, null, mode);
        }
    }

    /** From {@code from} on (an ISO date), the project is licensed under the SPDX expression {@code spdx}. */
    public record NewLicense(String from, String spdx) {
    }
}
