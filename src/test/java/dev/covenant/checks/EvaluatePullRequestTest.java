package dev.covenant.checks;

import static dev.covenant.checks.Commits.WEB_FLOW;
import static dev.covenant.checks.Commits.account;
import static dev.covenant.checks.Commits.commit;
import static dev.covenant.checks.Commits.unlinked;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import dev.covenant.checks.CheckResult.Conclusion;
import dev.covenant.checks.CheckResult.Counts;
import dev.covenant.checks.CheckResult.Status;
import dev.covenant.coverage.Coverage;
import dev.covenant.coverage.Coverage.By;
import dev.covenant.github.CommitInfo;
import dev.covenant.github.GitActor;
import dev.covenant.project.Allowlist;

class EvaluatePullRequestTest {

    static final GitActor ADA = account(123, "ada", "ada@example.org");
    static final GitActor GRACE = account(456, "grace", "grace@example.org");
    static final GitActor DEPENDABOT = account(49699333, "dependabot[bot]",
            "49699333+dependabot[bot]@users.noreply.github.com");

    /**
     * A lookup shaped like the real one: bots pass the default allowlist, then signatures by account, then company
     * approvals by e-mail domain.
     */
    static Function<Contributor, Coverage> lookup(Map<Long, String> signedBy, String approvedDomain) {
        Allowlist allowlist = new Allowlist(Allowlist.DEFAULT);
        return c -> {
            if (allowlist.allows(c.login())) {
                return Coverage.by(By.ALLOWLIST, c.login() + " is allowlisted by '*[bot]'");
            }
            if (c.githubId() != null && signedBy.containsKey(c.githubId())) {
                return Coverage.by(By.INDIVIDUAL, "signed " + signedBy.get(c.githubId()));
            }
            if (approvedDomain != null && c.emails().stream().anyMatch(e -> e.endsWith("@" + approvedDomain))) {
                return Coverage.by(By.CORPORATE, "approved by Acme");
            }
            return Coverage.none("no signature of an accepted version and no company approval");
        };
    }

    static CheckResult check(List<CommitInfo> commits, Map<Long, String> signedBy, String approvedDomain) {
        return EvaluatePullRequest.evaluate(ContributorsOf.pullRequest(commits, false),
                lookup(signedBy, approvedDomain));
    }

    static Stream<Arguments> pullRequests() {
        String coAuthorBob = "Fix\n\nCo-authored-by: Bob <bob@acme.example>";
        return Stream.of(
                Arguments.of("everyone signed passes", List.of(commit("a1", ADA), commit("a2", GRACE)),
                        Map.of(123L, "icla 1.0.0", 456L, "icla 1.0.0"), null, Conclusion.SUCCESS,
                        new Counts(2, 2, 0, 0)),
                Arguments.of("an unsigned author fails", List.of(commit("a1", ADA), commit("a2", GRACE)),
                        Map.of(123L, "icla 1.0.0"), null, Conclusion.FAILURE, new Counts(2, 1, 1, 0)),
                Arguments.of("an unsigned co-author fails the check", List.of(commit("a1", ADA, WEB_FLOW, coAuthorBob)),
                        Map.of(123L, "icla 1.0.0"), null, Conclusion.FAILURE, new Counts(2, 1, 0, 1)),
                Arguments.of("a co-author approved by their company passes",
                        List.of(commit("a1", ADA, WEB_FLOW, coAuthorBob)), Map.of(123L, "icla 1.0.0"), "acme.example",
                        Conclusion.SUCCESS, new Counts(2, 2, 0, 0)),
                Arguments.of("a bot passes by the allowlist", List.of(commit("a1", DEPENDABOT)), Map.of(), null,
                        Conclusion.SUCCESS, new Counts(1, 1, 0, 0)),
                Arguments.of("a bot co-author by no-reply address passes by the allowlist",
                        List.of(commit("a1", ADA, WEB_FLOW,
                                "Fix\n\nCo-authored-by: dependabot[bot] <49699333+dependabot[bot]@users.noreply.github.com>")),
                        Map.of(123L, "icla 1.0.0"), null, Conclusion.SUCCESS, new Counts(2, 2, 0, 0)),
                Arguments.of("nobody covered fails with every kind of row",
                        List.of(commit("a1", ADA), commit("a2", unlinked("Eve", "eve@example.org"))), Map.of(), null,
                        Conclusion.FAILURE, new Counts(2, 0, 1, 1)),
                Arguments.of("an empty pull request passes", List.of(), Map.of(), null, Conclusion.SUCCESS,
                        new Counts(0, 0, 0, 0)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pullRequests")
    void theCheckPassesOnlyWhenEveryoneIsCovered(String description, List<CommitInfo> commits,
            Map<Long, String> signedBy,
            String approvedDomain, Conclusion conclusion, Counts counts) {
        CheckResult result = check(commits, signedBy, approvedDomain);
        assertEquals(conclusion, result.conclusion());
        assertEquals(counts, result.counts());
        assertEquals(counts.total() - counts.covered(), result.missing().size());
    }

    @Test
    void botIsAllowlistedThroughTheLookup() {
        CheckResult result = check(List.of(commit("a1", DEPENDABOT)), Map.of(), null);
        CheckResult.Row row = result.rows().get(0);
        assertEquals(Status.COVERED, row.status());
        assertEquals(By.ALLOWLIST, row.coverage().by());
    }

    @Test
    void unlinkedEmailIsListedAsUnknown() {
        CheckResult result = check(List.of(commit("a1", unlinked("Eve", "Eve@Example.org"))), Map.of(), null);
        CheckResult.Row row = result.rows().get(0);
        assertEquals(Status.UNKNOWN_EMAIL, row.status());
        assertEquals("eve@example.org", row.contributor().email());
        assertEquals("no signature of an accepted version and no company approval", row.detail());
    }

    @Test
    void unsignedAccountIsNotCovered() {
        CheckResult result = check(List.of(commit("a1", GRACE)), Map.of(), null);
        CheckResult.Row row = result.rows().get(0);
        assertEquals(Status.NOT_COVERED, row.status());
        assertEquals("grace", row.contributor().login());
    }

    @Test
    void unsignedCoAuthorFailsTheCheck() {
        CheckResult result = check(List.of(commit("a1", ADA, WEB_FLOW,
                "Fix\n\nCo-authored-by: Grace <456+grace@users.noreply.github.com>")), Map.of(123L, "icla 1.0.0"),
                null);
        assertEquals(Conclusion.FAILURE, result.conclusion());
        assertEquals(List.of(Status.COVERED, Status.NOT_COVERED),
                result.rows().stream().map(CheckResult.Row::status).toList());
        assertEquals(456L, result.missing().get(0).contributor().githubId());
    }

    @Test
    void theLookupIsAskedOncePerPersonInOrder() {
        List<String> asked = new ArrayList<>();
        List<CommitInfo> commits = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            commits.add(commit("c" + i, i % 2 == 0 ? ADA : GRACE));
        }
        CheckResult result = EvaluatePullRequest.evaluate(ContributorsOf.pullRequest(commits, true), c -> {
            asked.add(c.login());
            return Coverage.by(By.INDIVIDUAL, "signed");
        });
        assertEquals(List.of("ada", "grace"), asked);
        assertTrue(result.passed(), result::toString);
    }

    @Test
    void aLookupWithoutAnAnswerIsABug() {
        List<Contributor> contributors = ContributorsOf.pullRequest(List.of(commit("a1", ADA)), false);
        var e = assertThrows(IllegalStateException.class, () -> EvaluatePullRequest.evaluate(contributors, c -> null));
        assertTrue(e.getMessage().contains("@ada"), e.getMessage());
    }

    @Test
    void coverageCannotContradictItself() {
        assertThrows(IllegalArgumentException.class, () -> new Coverage(true, By.NONE, "x", null, null));
        assertThrows(IllegalArgumentException.class, () -> new Coverage(false, By.INDIVIDUAL, "x", null, null));
    }
}
