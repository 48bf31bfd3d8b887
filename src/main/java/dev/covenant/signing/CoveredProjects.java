package dev.covenant.signing;

import java.util.List;

/**
 * What a person's own page asks of the coverage rule: which projects accept their contributions now, and by what.
 * Declared here so that signing does not depend on coverage; {@code coverage.PersonCoverage} answers.
 */
public interface CoveredProjects {

    /** A project and, in words, what covers the person there. */
    record CoveredProject(String scope, String by) {
    }

    /** Projects where the person is covered by a signature or a company; allowlists aside. Call without a transaction. */
    List<CoveredProject> of(long githubId, String login);
}
