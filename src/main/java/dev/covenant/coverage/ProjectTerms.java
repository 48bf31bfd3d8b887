package dev.covenant.coverage;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import dev.covenant.agreement.Agreement;
import dev.covenant.agreement.AgreementVersion;
import dev.covenant.project.AcceptancePolicy;
import dev.covenant.project.Allowlist;
import dev.covenant.project.Project;
import dev.covenant.project.ProjectMode;
import dev.covenant.project.ProjectService;

/**
 * What coverage needs of a project, read once in a short transaction and then carried without one: its agreements,
 * its allowlist, the versions it accepts now (those of its individual agreement its acceptance policy takes, and
 * the latest major version of its corporate agreement), and {@code askedVersion}, the newest version of its
 * individual agreement it accepts: the one a person signs (null when it accepts none), with its text's
 * {@code askedSha256}; {@code signByCommentPhrase}, what a contributor comments to sign, null unless the project allows
 * signing by comment; {@code mode}, whether the agreement, a DCO sign-off, or either clears a contributor.
 */
public record ProjectTerms(long projectId, String scope, long agreementId, String agreementSlug,
        String agreementTitle, Long corporateAgreementId, Allowlist allowlist, Set<Long> accepted,
        boolean checkCommitters, String askedVersion, String askedSha256, String signByCommentPhrase,
        ProjectMode mode) {

    /** Inside a transaction: reads the project's agreement versions. */
    public static ProjectTerms of(Project project) {
        List<AgreementVersion> individual = ProjectService.acceptedVersions(project, project.agreement);
        List<AgreementVersion> accepted = new ArrayList<>(individual);
        if (project.corporateAgreement != null) {
            accepted.addAll(latestMajor(project.corporateAgreement));
        }
        return new ProjectTerms(project.id, project.scope(), project.agreement.id, project.agreement.slug,
                project.agreement.title, project.corporateAgreement == null ? null : project.corporateAgreement.id,
                project.allowlistPatterns(), accepted.stream().map(v -> v.id).collect(Collectors.toUnmodifiableSet()),
                project.checkCommitters, individual.isEmpty() ? null : individual.get(individual.size() - 1).version,
                individual.isEmpty() ? null : individual.get(individual.size() - 1).sha256,
                project.signByComment ? project.signByCommentPhrase() : null, project.mode);
    }

    private static List<AgreementVersion> latestMajor(Agreement agreement) {
        List<AgreementVersion> versions = AgreementVersion.findFor(agreement);
        if (versions.isEmpty()) {
            return List.of();
        }
        var latest = versions.get(versions.size() - 1).semanticVersion();
        return versions.stream().filter(v -> AcceptancePolicy.LATEST_MAJOR.accepts(v.semanticVersion(), latest, null))
                .toList();
    }
}
