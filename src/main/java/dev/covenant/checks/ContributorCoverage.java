package dev.covenant.checks;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import dev.covenant.coverage.Coverage;
import dev.covenant.coverage.CoverageService;
import dev.covenant.coverage.CoverageSubject;
import dev.covenant.coverage.ProjectTerms;

/**
 * Asks the one coverage rule about every contributor of a pull request at once, as of now: each contributor is a
 * coverage subject (their account when GitHub linked one, and every address they appeared with).
 */
@ApplicationScoped
public class ContributorCoverage {

    private final CoverageService coverage;

    ContributorCoverage(CoverageService coverage) {
        this.coverage = coverage;
    }

    /** The answers, looked up by contributor; call without a transaction (GitHub may be asked about members). */
    public Function<Contributor, Coverage> now(ProjectTerms project, String repository,
            List<Contributor> contributors) {
        List<CoverageSubject> subjects = contributors.stream()
                .map(c -> new CoverageSubject(c.githubId(), c.login(), c.emails())).toList();
        List<CoverageService.Answer> answers = coverage.coverage(project, repository, subjects, null);
        Map<Contributor, Coverage> byContributor = new IdentityHashMap<>();
        for (int i = 0; i < contributors.size(); i++) {
            byContributor.put(contributors.get(i), answers.get(i).coverage());
        }
        return byContributor::get;
    }
}
