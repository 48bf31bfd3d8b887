package dev.covenant.coverage;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import dev.covenant.checks.Contributor;
import dev.covenant.github.CoverageSource;
import dev.covenant.identity.Person;
import dev.covenant.identity.PersonEmail;
import dev.covenant.project.Project;

/**
 * Answers the pull-request check's question "is this contributor covered?" with the same facts and rules as {@code
 * GET /api/coverage}, translated into the check's own {@link Coverage}.
 */
@ApplicationScoped
public class ContributorCoverage implements CoverageSource {

    private final CoverageService coverage;
    private final Clock clock;

    ContributorCoverage(CoverageService coverage, Clock clock) {
        this.coverage = coverage;
        this.clock = clock;
    }

    /** A lookup for one evaluation: every answer is as of the moment it was made. */
    @Override
    @Transactional(Transactional.TxType.MANDATORY)
    public Function<Contributor, Coverage> forProject(Project project) {
        Instant now = Instant.now(clock);
        return contributor -> {
            Optional<Person> person = contributor.githubId() != null
                    ? Person.findByGithubId(contributor.githubId())
                    : contributor.login() != null ? Person.findByLogin(contributor.login()) : Optional.empty();
            CoverageRules.Coverage answer = coverage
                    .coverage(project, person, contributor.login(), contributor.email(), now)
                    .coverage();
            return answer.covered() ? Coverage.by(by(answer.by()), answer.reason()) : Coverage.none(answer.reason());
        };
    }

    @Override
    public List<String> verifiedEmails(long githubId) {
        return PersonEmail.verifiedOf(githubId);
    }

    private static Coverage.By by(CoverageRules.By by) {
        return switch (by) {
            case ALLOWLIST -> Coverage.By.ALLOWLIST;
            case INDIVIDUAL -> Coverage.By.INDIVIDUAL;
            case CORPORATE -> Coverage.By.CORPORATE;
            case NONE -> Coverage.By.NONE;
        };
    }
}
