package dev.covenant.coverage;

import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.covenant.github.GitHubUnavailableException;
import dev.covenant.signing.CoveredProjects;

/**
 * A person's coverage in every project that takes its agreement (not those in {@code DCO} mode) now, for their own
 * page; call without a transaction.
 */
@ApplicationScoped
public class PersonCoverage implements CoveredProjects {

    private final CoverageService coverage;

    PersonCoverage(CoverageService coverage) {
        this.coverage = coverage;
    }

    @Override
    public Standing of(long githubId, String login) {
        List<CoveredProject> covered = new ArrayList<>();
        List<SignAgain> signAgain = new ArrayList<>();
        CoverageSubject person = new CoverageSubject(githubId, login, List.of());
        for (ProjectTerms project : coverage.allTerms()) {
            if (!project.mode().takesAgreement()) {
                // A DCO project asks for sign-offs on commits: a signature neither covers anyone there nor is asked.
                continue;
            }
            try {
                Coverage answer = coverage.coverage(project, List.of(person), null).get(0).coverage();
                if (answer.covered() && answer.by() != Coverage.By.ALLOWLIST) {
                    covered.add(answer.by() == Coverage.By.INDIVIDUAL
                            ? new CoveredProject(project.scope(), "your signature of " + answer.grant().agreement()
                                    + " " + answer.grant().version(), answer.grant().signedAt())
                            : new CoveredProject(project.scope(), answer.reason()));
                } else if (answer.mustSignNewVersion() && project.askedVersion() != null) {
                    signAgain.add(new SignAgain(project.scope(), project.agreementSlug(), project.agreementTitle(),
                            answer.heldVersion(), project.askedVersion()));
                }
            } catch (GitHubUnavailableException e) {
                // One project's organisation check must not take the whole page down.
                covered.add(new CoveredProject(project.scope(), "could not be checked now: GitHub is not answering"));
            }
        }
        return new Standing(covered, signAgain);
    }
}
