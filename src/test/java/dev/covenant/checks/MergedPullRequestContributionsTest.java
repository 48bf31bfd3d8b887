package dev.covenant.checks;

import static dev.covenant.checks.PullRequestChecksTest.commitBy;
import static dev.covenant.checks.PullRequestChecksTest.completedRun;
import static dev.covenant.checks.PullRequestChecksTest.deliver;
import static dev.covenant.checks.PullRequestChecksTest.email;
import static dev.covenant.checks.PullRequestChecksTest.repository;
import static dev.covenant.checks.PullRequestChecksTest.user;
import static dev.covenant.inbox.DeliveryWorkerTest.await;
import static dev.covenant.inbox.DeliveryWorkerTest.stateIs;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Api;
import dev.covenant.Sql;
import dev.covenant.github.FakeCommit;
import dev.covenant.github.FakePullRequest;
import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeWebhooks;
import dev.covenant.relicensing.history.KeptSums;

/**
 * A merged pull request that Covenant evaluated becomes contributions at once, with the lines GitHub reports for
 * each commit; the next history import supersedes them.
 */
@QuarkusTest
class MergedPullRequestContributionsTest {

    private static final String LICENSES = "\"licenses\":[{\"from\":\"2000-01-01\",\"spdx\":\"MIT\"}]";
    private static final DateTimeFormatter GIT_DATE = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy Z",
            Locale.ROOT);

    private static FakePullRequest evaluatedThenMerged(FakeRepo repo, int number, String author,
            List<FakeCommit> commits) {
        FakePullRequest pr = repo.openPullRequest(number, author, commits);
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", number));
        completedRun(repo, pr.headSha());
        repo.merge(number);
        String closed = deliver("pull_request", FakeWebhooks.pullRequest(repo, "closed", number));
        await("the merge", stateIs(closed, "DONE"));
        return pr;
    }

    private static String rows(FakeRepo repo, String columns) throws SQLException {
        return Sql.text("SELECT string_agg(" + columns + ", ';' ORDER BY lines_added) FROM contribution"
                + " WHERE repository = ?", repo.fullName());
    }

    @Test
    void eachCommitOfAMergedPullRequestIsAContributionWithItsOwnLines() throws SQLException {
        FakeRepo repo = repository(LICENSES);
        String ada = user("ada");
        String bob = user("bob");
        FakeCommit first = commitBy(ada);
        FakeCommit second = FakeCommit.by("Person " + bob, email(bob),
                "Pair work\n\nCo-authored-by: Ada <" + email(ada) + ">");
        repo.setLines(first.sha(), 12, 3);
        repo.setLines(second.sha(), 30, 0);
        evaluatedThenMerged(repo, 4, ada, List.of(first, second));

        assertEquals(first.sha() + ":" + email(ada) + ":12:3:4;" + second.sha() + ":" + email(bob) + ":30:0:4",
                rows(repo,
                        "sha || ':' || author_email || ':' || lines_added || ':' || lines_deleted || ':' || pull_request"));
        assertEquals(email(ada) + ":30:4", Sql.text("SELECT email || ':' || lines_added || ':' || pull_request"
                + " FROM contribution_coauthor WHERE repository = ?", repo.fullName()));
        Api.admin().get("/api/repos/" + repo.fullName() + "/relicensing?to=Apache-2.0").then().statusCode(200)
                .body("totals.commits", equalTo(2)).body("totals.linesAdded", equalTo(42));
        assertEquals(List.of(email(ada) + ":2:1", email(bob) + ":1:1"), KeptSums.assertMatchARebuild(repo.fullName())
                .stream().map(r -> r.email() + ":" + r.commits() + ":" + r.authored()).toList());
    }

    @Test
    void aSingleCommitTakesThePullRequestsLinesWithoutAskingForTheCommit() throws SQLException {
        FakeRepo repo = repository(LICENSES);
        String ada = user("ada");
        FakeCommit only = commitBy(ada);
        repo.setLines(only.sha(), 7, 2);
        long before = PullRequestChecksTest.calls("GET", "/commits/" + only.sha());
        evaluatedThenMerged(repo, 5, ada, List.of(only));
        assertEquals(only.sha() + ":7:2", rows(repo, "sha || ':' || lines_added || ':' || lines_deleted"));
        assertEquals(before, PullRequestChecksTest.calls("GET", "/commits/" + only.sha()));
    }

    @Test
    void closedWithoutMergingOrNeverEvaluatedRecordsNothing() throws SQLException {
        FakeRepo repo = repository(LICENSES);
        String ada = user("ada");
        FakePullRequest pr = repo.openPullRequest(6, ada, List.of(commitBy(ada)));
        deliver("pull_request", FakeWebhooks.pullRequest(repo, "opened", 6));
        completedRun(repo, pr.headSha());
        repo.close(6);
        await("the close", stateIs(deliver("pull_request", FakeWebhooks.pullRequest(repo, "closed", 6)), "DONE"));

        // Merged before Covenant ever saw it open: the history import brings it.
        repo.openPullRequest(7, ada, List.of(commitBy(ada)));
        repo.merge(7);
        await("the merge", stateIs(deliver("pull_request", FakeWebhooks.pullRequest(repo, "closed", 7)), "DONE"));
        assertEquals("0", Sql.text("SELECT count(*) FROM contribution WHERE repository = ?", repo.fullName()));
    }

    @Test
    void aHistoryImportSupersedesThePullRequestsRows() throws SQLException {
        FakeRepo repo = repository(LICENSES);
        String ada = user("ada");
        FakeCommit kept = commitBy(ada);
        FakeCommit squashed = commitBy(ada);
        evaluatedThenMerged(repo, 8, ada, List.of(kept, squashed));
        Instant mergedAt = Instant
                .ofEpochSecond(Long.parseLong(Sql.text("SELECT extract(epoch FROM max(merged_at))::bigint"
                        + " FROM contribution WHERE repository = ?", repo.fullName())));

        // A history cut before the merge, holding one of its commits: that row becomes the history's.
        String history = "/api/repos/" + repo.fullName() + "/history?wait=true";
        Api.admin().contentType("text/plain").body(log(kept.sha(), ada, 5, mergedAt.minusSeconds(3600)))
                .post(history).then().statusCode(200).body("state", equalTo("DONE"));
        assertEquals(squashed.sha() + ":8:1;" + kept.sha() + "::5",
                rows(repo, "sha || ':' || coalesce(pull_request::text, '') || ':' || lines_added"));
        KeptSums.assertMatchARebuild(repo.fullName());

        // A history past the merge holds the squashed work under another sha: the rest of the pull request goes.
        String squash = FakeCommit.randomSha();
        Api.admin().contentType("text/plain").body(log(squash, ada, 9, mergedAt.plusSeconds(60)))
                .post(history).then().statusCode(200);
        assertEquals(kept.sha() + ":;" + squash + ":", rows(repo, "sha || ':' || coalesce(pull_request::text, '')"));
        assertEquals("0", Sql.text("SELECT count(*) FROM contribution_coauthor WHERE repository = ?", repo.fullName()));
        assertEquals(List.of(email(ada) + ":2:14"), KeptSums.assertMatchARebuild(repo.fullName()).stream()
                .map(r -> r.email() + ":" + r.commits() + ":" + r.linesAdded()).toList());
    }

    /** One commit in the output of {@code git log --numstat --pretty=fuller}, committed at {@code when}. */
    private static String log(String sha, String login, int lines, Instant when) {
        String date = GIT_DATE.format(when.atOffset(ZoneOffset.UTC));
        return "commit " + sha + "\nAuthor:     Person " + login + " <" + email(login) + ">\nAuthorDate: " + date
                + "\nCommit:     Person " + login + " <" + email(login) + ">\nCommitDate: " + date
                + "\n\n    Change\n\n"
                + lines + "\t0\tREADME.md\n";
    }
}
