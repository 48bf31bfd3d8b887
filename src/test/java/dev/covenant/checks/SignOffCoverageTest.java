package dev.covenant.checks;

import static dev.covenant.checks.Commits.WEB_FLOW;
import static dev.covenant.checks.Commits.account;
import static dev.covenant.checks.Commits.commit;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.Test;

import dev.covenant.coverage.Coverage;
import dev.covenant.github.CommitInfo;
import dev.covenant.github.GitActor;
import dev.covenant.project.Allowlist;

class SignOffCoverageTest {

    static final GitActor ADA = account(123, "ada", "ada@example.org");
    static final GitActor GRACE = account(456, "grace", "grace@example.org");
    static final GitActor BOT = new GitActor("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com",
            null, null);
    static final String BASE = "0".repeat(40);

    static String signedOff(GitActor... people) {
        StringBuilder message = new StringBuilder("Change\n\n");
        for (GitActor person : people) {
            message.append("Signed-off-by: ").append(person.name()).append(" <").append(person.email()).append(">\n");
        }
        return message.toString();
    }

    static CheckResult dco(List<CommitInfo> commits) {
        List<Contributor> authors = SignOffCoverage.authorsOf(ContributorsOf.pullRequest(commits, false), commits);
        return EvaluatePullRequest.evaluate(authors,
                SignOffCoverage.authors(commits, new Allowlist(Allowlist.DEFAULT), Instant.EPOCH));
    }

    static List<String> shas(List<CommitInfo> commits) {
        return commits.stream().map(CommitInfo::sha).toList();
    }

    @Test
    void inDcoModeEveryCommitNeedsItsAuthorsSignOffButMergesAndBotsDoNot() {
        List<CommitInfo> commits = List.of(
                commit("a1", ADA, WEB_FLOW, signedOff(ADA)),
                commit("a2", ADA, WEB_FLOW, "Forgot it"),
                commit("g1", GRACE, WEB_FLOW, signedOff(ADA)),
                new CommitInfo("m1", GRACE, WEB_FLOW, "Merge branch 'main'", List.of("g1", BASE)),
                commit("b1", BOT, WEB_FLOW, "Bump a dependency"));
        CheckResult result = dco(commits);
        assertEquals(List.of("a2", "g1"), shas(SignOffCoverage.unsigned(commits, result)));
        assertEquals(CheckResult.Conclusion.FAILURE, result.conclusion());
        assertEquals(List.of(false, false, true), result.rows().stream().map(r -> r.coverage().covered()).toList());
        assertEquals(Coverage.By.ALLOWLIST, result.rows().get(2).coverage().by());
    }

    @Test
    void inDcoModeSignedOffCommitsPass() {
        List<CommitInfo> commits = List.of(commit("a1", ADA, WEB_FLOW, signedOff(ADA)),
                commit("g1", GRACE, WEB_FLOW, "Pair\n\nCo-authored-by: Ada <ada@example.org>\n"
                        + "Signed-off-by: grace <GRACE@example.org>"));
        CheckResult result = dco(commits);
        assertEquals(CheckResult.Conclusion.SUCCESS, result.conclusion());
        assertEquals(List.of(), SignOffCoverage.unsigned(commits, result));
        assertEquals(Coverage.By.SIGN_OFF, result.rows().get(0).coverage().by());
    }

    @Test
    void eitherModeLetsEachContributorPassOnTheirOwnSignOffsOnly() {
        List<CommitInfo> commits = List.of(
                commit("a1", ADA, WEB_FLOW, signedOff(ADA)),
                // Ada signs off a commit Grace co-authored: the certificate is Ada's, not Grace's.
                commit("a2", ADA, WEB_FLOW, "Pair\n\nCo-authored-by: grace <grace@example.org>\n"
                        + "Signed-off-by: ada <ada@example.org>"));
        List<Contributor> found = ContributorsOf.pullRequest(commits, false);
        Function<Contributor, Coverage> agreement = c -> Coverage.none("has not signed");
        CheckResult result = EvaluatePullRequest.evaluate(found, SignOffCoverage.either(agreement, commits, false));
        assertEquals(List.of(true, false), result.rows().stream().map(r -> r.coverage().covered()).toList());
        assertEquals(Coverage.By.SIGN_OFF, result.rows().get(0).coverage().by());

        List<CommitInfo> both = List
                .of(commit("a1", ADA, WEB_FLOW, "Pair\n\nCo-authored-by: grace <grace@example.org>\n"
                        + "Signed-off-by: ada <ada@example.org>\nSigned-off-by: grace <grace@example.org>"));
        CheckResult passed = EvaluatePullRequest.evaluate(ContributorsOf.pullRequest(both, false),
                SignOffCoverage.either(agreement, both, false));
        assertEquals(CheckResult.Conclusion.SUCCESS, passed.conclusion());
    }

    @Test
    void eitherModePrefersTheAgreementsAnswer() {
        List<CommitInfo> commits = List.of(commit("a1", ADA, WEB_FLOW, signedOff(ADA)));
        Coverage signature = Coverage.by(Coverage.By.INDIVIDUAL, "signed the agreement");
        CheckResult result = EvaluatePullRequest.evaluate(ContributorsOf.pullRequest(commits, false),
                SignOffCoverage.either(c -> signature, commits, false));
        assertEquals(signature, result.rows().get(0).coverage());
    }

    @Test
    void eitherModeAsksACountedCommitterToSignOffToo() {
        List<CommitInfo> commits = List.of(commit("a1", ADA, GRACE, signedOff(ADA)));
        Function<Contributor, Coverage> agreement = c -> Coverage.none("has not signed");
        CheckResult result = EvaluatePullRequest.evaluate(ContributorsOf.pullRequest(commits, true),
                SignOffCoverage.either(agreement, commits, true));
        assertEquals(List.of(true, false), result.rows().stream().map(r -> r.coverage().covered()).toList());
    }

    @Test
    void theRebaseStartsFromTheParentOutsideThePullRequest() {
        List<CommitInfo> commits = List.of(new CommitInfo("a1", ADA, WEB_FLOW, "One", List.of(BASE)),
                new CommitInfo("a2", ADA, WEB_FLOW, "Two", List.of("a1")));
        assertEquals(BASE, SignOffCoverage.rebaseBase(commits, "fallback"));
        assertEquals("fallback", SignOffCoverage.rebaseBase(List.of(commit("a1", ADA)), "fallback"));
    }
}
