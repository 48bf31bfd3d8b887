package dev.covenant.checks;

import static dev.covenant.checks.PullRequestChecksTest.completedRun;
import static dev.covenant.checks.PullRequestChecksTest.deliver;
import static dev.covenant.checks.PullRequestChecksTest.email;
import static dev.covenant.checks.PullRequestChecksTest.repository;
import static dev.covenant.checks.PullRequestChecksTest.sign;
import static dev.covenant.checks.PullRequestChecksTest.user;
import static dev.covenant.inbox.DeliveryWorkerTest.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.github.FakeCheckRun;
import dev.covenant.github.FakeCommit;
import dev.covenant.github.FakePullRequest;
import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeWebhooks;

/**
 * DCO mode through the webhook path: signed pull_request webhooks in, the fake GitHub serving the commits with their
 * messages, the check run and comment out. A contributor amends their commits (a force push with the trailer) and
 * the check turns green.
 */
@QuarkusTest
class DcoChecksTest {

    static String signOff(String login) {
        return "Signed-off-by: Person " + login + " <" + email(login) + ">";
    }

    static FakeCommit commit(String login, String title, boolean signedOff) {
        return FakeCommit.by("Person " + login, email(login),
                title + "\n\nWhy it changes." + (signedOff ? "\n\n" + signOff(login) : ""));
    }

    @Test
    void anUnsignedOffCommitFailsWithTheRebaseThenTheAmendedCommitsPass() {
        FakeRepo repo = repository("\"mode\":\"DCO\"");
        String ada = user("ada");
        FakeCommit first = commit(ada, "Parse the header", true);
        FakeCommit second = commit(ada, "Handle an empty header", false);
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(first, second));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));

        FakeCheckRun failed = completedRun(repo, pr.headSha());
        assertEquals("failure", failed.conclusion(), failed.summary());
        assertEquals("1 commit without a sign-off", failed.title());
        String summary = failed.summary();
        assertTrue(summary.contains("| " + second.sha().substring(0, 7) + " | Handle an empty header | Person " + ada
                + " |"), summary);
        assertFalse(summary.contains(first.sha().substring(0, 7)), "the signed-off commit is not listed: " + summary);
        assertTrue(summary.contains("git rebase --signoff " + pr.baseSha() + "\ngit push --force-with-lease"),
                summary);
        await("the comment", () -> !repo.comments(1).isEmpty());
        String comment = repo.comments(1).get(0).body();
        assertTrue(comment.contains("- [ ] " + second.sha().substring(0, 7) + " Handle an empty header (Person " + ada
                + ")"), comment);
        assertTrue(comment.contains("git rebase --signoff " + pr.baseSha()), comment);
        assertFalse(comment.contains("/agreements/"), "nobody is asked to sign an agreement: " + comment);

        // git rebase --signoff rewrites both commits (the first one keeps its single sign-off), then a force push.
        String amended = repo.forcePush(1, List.of(commit(ada, "Parse the header", true),
                commit(ada, "Handle an empty header", true)));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "synchronize", 1));

        FakeCheckRun passed = completedRun(repo, amended);
        assertEquals("success", passed.conclusion(), passed.summary());
        assertEquals("Every commit is signed off", passed.title());
        await("the comment turning green", () -> repo.comments(1).get(0).body().contains("✅"));
        assertEquals(1, repo.comments(1).size(), "the same comment is edited");
    }

    @Test
    void aSignOffWithAnotherAddressOrOnlyByACoAuthorDoesNotCount() {
        FakeRepo repo = repository("\"mode\":\"DCO\"");
        String ada = user("ada");
        String bob = user("bob");
        FakeCommit otherAddress = FakeCommit.by("Person " + ada, email(ada),
                "Tidy\n\nSigned-off-by: Person " + ada + " <" + ada + "@elsewhere.example>");
        FakeCommit coAuthorOnly = FakeCommit.by("Person " + ada, email(ada),
                "Pair\n\nCo-authored-by: Person " + bob + " <" + email(bob) + ">\n" + signOff(bob));
        FakeCommit upperCase = FakeCommit.by("Person " + bob, email(bob),
                "Shout\n\nSigned-off-by: Person " + bob + " <" + email(bob).toUpperCase() + ">");
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(otherAddress, coAuthorOnly, upperCase));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));

        FakeCheckRun run = completedRun(repo, pr.headSha());
        assertEquals("failure", run.conclusion());
        assertEquals("2 commits without a sign-off", run.title());
        assertTrue(run.summary().contains(otherAddress.sha().substring(0, 7)), run.summary());
        assertTrue(run.summary().contains(coAuthorOnly.sha().substring(0, 7)), run.summary());
        assertFalse(run.summary().contains(upperCase.sha().substring(0, 7)), run.summary());
    }

    @Test
    void eitherModePassesOneContributorOnTheirSignatureAndAnotherOnTheirSignOffs() {
        FakeRepo repo = repository("\"mode\":\"CLA_OR_DCO\"");
        String ada = user("ada");
        String bob = user("bob");
        String cy = user("cy");
        sign(ada);
        FakeCommit byAda = commit(ada, "Document the parser", false);
        FakeCommit byBob = commit(bob, "Speed up the parser", true);
        FakeCommit byCy = commit(cy, "Rename the parser", false);
        FakePullRequest pr = repo.openPullRequest(1, ada, List.of(byAda, byBob, byCy));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));

        FakeCheckRun failed = completedRun(repo, pr.headSha());
        assertEquals("failure", failed.conclusion(), failed.summary());
        assertEquals("1 of 3 contributors not covered", failed.title());
        assertTrue(failed.summary().contains("| @" + bob + " | ✅ signed off | signed off every commit of theirs"),
                failed.summary());
        assertTrue(failed.summary().contains("| @" + ada + " | ✅ covered |"), failed.summary());
        assertTrue(failed.summary().contains("| @" + cy + " | ❌ not covered | no signature of the project's agreement"
                + " and no company approval, and not every commit of theirs is signed off |"), failed.summary());
        await("the comment", () -> !repo.comments(1).isEmpty());
        String comment = repo.comments(1).get(0).body();
        assertTrue(comment.contains("@" + cy + " — please [sign the agreement]"), comment);
        assertTrue(comment.contains("`git rebase --signoff " + pr.baseSha() + "`, then `git push --force-with-lease`"),
                comment);

        String amended = repo.forcePush(1, List.of(byAda, byBob, commit(cy, "Rename the parser", true)));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "synchronize", 1));
        FakeCheckRun passed = completedRun(repo, amended);
        assertEquals("success", passed.conclusion(), passed.summary());
        assertTrue(passed.summary().contains("| @" + cy + " | ✅ signed off |"), passed.summary());
        assertTrue(passed.summary().contains("| @" + ada + " | ✅ covered |"), passed.summary());
    }

    @Test
    void aLongListOfUnsignedCommitsStopsAtAHundredSoTheCommentStaysPostable() {
        FakeRepo repo = repository("\"mode\":\"DCO\"");
        String ada = user("ada");
        List<FakeCommit> commits = IntStream.range(0, 105).mapToObj(i -> commit(ada, "Step " + i, false)).toList();
        FakePullRequest pr = repo.openPullRequest(1, ada, commits);
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 1));

        FakeCheckRun run = completedRun(repo, pr.headSha());
        assertEquals("105 commits without a sign-off", run.title());
        assertTrue(run.summary().contains("| … | and 5 more | |"), run.summary());
        await("the comment", () -> !repo.comments(1).isEmpty());
        String comment = repo.comments(1).get(0).body();
        assertEquals(100, comment.lines().filter(l -> l.startsWith("- [ ] ")).count(), comment);
        assertTrue(comment.contains("- and 5 more"), comment);
        assertTrue(comment.contains(commits.get(99).sha().substring(0, 7)), comment);
        assertFalse(comment.contains(commits.get(100).sha().substring(0, 7)), comment);
    }
}
