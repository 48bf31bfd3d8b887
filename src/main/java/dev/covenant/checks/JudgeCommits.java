package dev.covenant.checks;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import dev.covenant.coverage.ProjectTerms;
import dev.covenant.github.CommitInfo;

/**
 * Judges the commits of a pull request or merge group by the project's mode: {@code CLA} asks the one coverage rule
 * about every contributor; {@code DCO} reads only the commits' sign-offs (nothing is looked up); {@code CLA_OR_DCO}
 * asks the coverage rule, and lets a contributor it does not cover pass on their own sign-offs
 * ({@link SignOffCoverage}). Call without a transaction: GitHub may be asked about organisation members.
 */
@ApplicationScoped
public class JudgeCommits {

    /** Who was on the commits, the verdict, and in {@code DCO} mode the commits that lack a sign-off. */
    public record Judged(List<Contributor> contributors, CheckResult result, List<CommitInfo> unsigned) {
    }

    private final ContributorCoverage coverage;
    private final Clock clock;

    JudgeCommits(ContributorCoverage coverage, Clock clock) {
        this.coverage = coverage;
        this.clock = clock;
    }

    public Judged judge(ProjectTerms project, String repository, List<CommitInfo> commits) {
        return switch (project.mode()) {
            case CLA -> {
                List<Contributor> found = ContributorsOf.pullRequest(commits, project.checkCommitters());
                yield new Judged(found,
                        EvaluatePullRequest.evaluate(found, coverage.now(project, repository, found)), List.of());
            }
            case DCO -> {
                List<Contributor> authors = SignOffCoverage.authorsOf(ContributorsOf.pullRequest(commits, false),
                        commits);
                CheckResult result = EvaluatePullRequest.evaluate(authors,
                        SignOffCoverage.authors(commits, project.allowlist(), Instant.now(clock)));
                yield new Judged(authors, result, SignOffCoverage.unsigned(commits, result));
            }
            case CLA_OR_DCO -> {
                List<Contributor> found = ContributorsOf.pullRequest(commits, project.checkCommitters());
                yield new Judged(found, EvaluatePullRequest.evaluate(found, SignOffCoverage.either(
                        coverage.now(project, repository, found), commits, project.checkCommitters())), List.of());
            }
        };
    }
}
