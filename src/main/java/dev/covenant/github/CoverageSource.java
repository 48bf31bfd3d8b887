package dev.covenant.github;

import java.util.List;
import java.util.function.Function;

import dev.covenant.checks.Contributor;
import dev.covenant.coverage.Coverage;
import dev.covenant.project.Project;

/**
 * What the pull-request checks need to know of the people who contribute: whether each is covered, and the addresses
 * a person verified. The signing capability answers ({@code signing.ContributorCoverage}), so that the checks do not
 * depend on it while it depends on this package for GitHub.
 */
public interface CoverageSource {

    /** A lookup for one evaluation of a pull request of {@code project}; runs inside the caller's transaction. */
    Function<Contributor, Coverage> forProject(Project project);

    /** The addresses GitHub verified for the person with this id, primary first. */
    List<String> verifiedEmails(long githubId);
}
