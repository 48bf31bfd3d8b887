package dev.covenant.relicensing.history;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.opentest4j.AssertionFailedError;

import dev.covenant.Sql;
import dev.covenant.github.FakeCommit;
import dev.covenant.github.PullRequestMerged;
import dev.covenant.github.PullRequestMerged.MergedCommit;
import dev.covenant.relicensing.history.KeptSums.Row;

/**
 * The sums the writers keep ({@link ContributionSums}) are those a rebuild from the commits gives, after every writer
 * and every kind of change: history imports (a .mailmap, co-authors, a merge, the same history again, a longer one),
 * a merged pull request (delivered twice, and once rolled back), and the imports that supersede its rows.
 */
@QuarkusTest
class ContributionSumsTest {

    private static final Instant TIE = Instant.parse("2021-03-01T12:00:00Z");
    private static final Instant MERGED = Instant.parse("2021-06-01T00:00:00Z");

    @Inject
    Event<PullRequestMerged> merges;

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private final String owner = "kept-" + run;
    private final String domain = run + ".example";

    @Test
    void theKeptSumsMatchARebuildAfterEveryWriter() throws SQLException, IOException {
        String repository = project("history");
        GitRepo repo = new GitRepo();
        repo.write(".mailmap", "Ada Lovelace <" + at("ada") + "> <ada@old." + domain + ">\n");
        repo.write("README.md", "hello\n");
        repo.commit("ada lovelace", "ADA@old." + domain, "Initial import");
        repo.write("src/Main.java", "class Main {\n  // one\n}\n");
        repo.commit("Grace Hopper", at("grace"), "Pair on Main\n\nCo-authored-by: Alan Turing <" + at("alan")
                + ">\nCo-authored-by: Ada <" + at("ada") + ">");
        String grace = head(repo);
        repo.jumpTo(TIE);
        repo.write("a.txt", "one\ntwo\n");
        repo.commit("Robert Tables", at("bob"), "Robert's part");
        importHistory(repository, repo, 3);
        List<Row> first = KeptSums.assertMatchARebuild(repository);
        assertEquals(List.of(at("ada"), at("alan"), at("bob"), at("grace")), first.stream().map(Row::email).toList(),
                "the .mailmap's address, not the old one");

        importHistory(repository, repo, 0);
        assertEquals(first, KeptSums.assertMatchARebuild(repository), "the same history again counts nothing twice");

        // A branch with a co-author merged, and Bob again at the very same instant under a lesser name.
        repo.git("checkout", "-q", "-b", "feature");
        repo.write("docs/notes.md", "une\ndeux\n");
        repo.commit("Zoe Ng", at("zoe"), "Notes\n\nCo-authored-by: Grace <" + at("grace") + ">");
        repo.git("checkout", "-q", "main");
        repo.jumpTo(TIE);
        repo.write("b.txt", "x\n");
        repo.commit("Bob", at("bob"), "Bob's part");
        repo.as("Ada Lovelace", at("ada"), "merge", "-q", "--no-ff", "-m", "Merge branch 'feature'", "feature");
        importHistory(repository, repo, 3);
        assertEquals(Optional.of(new Named("Robert Tables", 2)), named(repository, "bob"),
                "of two names at the newest date the greatest, whichever import brought it");

        // A pull request: two commits of a branch the history will hold, a squashed one it never will, and one the
        // history already has (its co-author trailer differs there: the history's row stays as it is).
        repo.git("checkout", "-q", "-b", "pr");
        repo.write("c.txt", "c\n");
        repo.commit("Hedy Lamarr", at("hedy"), "Hedy's part\n\nCo-authored-by: Alan Turing <" + at("alan") + ">");
        String hedy = head(repo);
        repo.write("d.txt", "d\nd\n");
        repo.commit("Ada Lovelace", at("ada"), "Ada's part");
        String ada = head(repo);
        repo.git("checkout", "-q", "main");
        PullRequestMerged pr = new PullRequestMerged(repository, 42, MERGED, List.of(
                commit(hedy, authored(repo, hedy), "Hedy Lamarr", "hedy",
                        "Hedy's part\n\nCo-authored-by: Alan Turing <" + at("alan") + ">", 1),
                commit(ada, authored(repo, ada), "Ada Lovelace", "ada", "Ada's part", 2),
                commit(FakeCommit.randomSha(), TIE.plusSeconds(86_400), "Hedy L.", "hedy",
                        "Squashed\n\nCo-authored-by: Sue <" + at("sue") + ">", 7),
                commit(grace, authored(repo, grace), "Grace Hopper", "grace",
                        "Co-authored-by: Someone <" + at("someone") + ">", 5)));
        QuarkusTransaction.requiringNew().run(() -> merges.fire(pr));
        List<Row> afterMerge = KeptSums.assertMatchARebuild(repository);
        assertEquals(Optional.of(new Named("Hedy L.", 2)), named(repository, "hedy"));
        assertEquals(Optional.empty(), named(repository, "someone"), "a commit the history holds is left as it is");
        assertEquals(Optional.of(new Named("Sue", 1)), named(repository, "sue"));

        QuarkusTransaction.requiringNew().run(() -> merges.fire(pr));
        assertEquals(afterMerge, KeptSums.assertMatchARebuild(repository), "the same delivery again counts nothing");
        QuarkusTransaction.begin();
        merges.fire(new PullRequestMerged(repository, 43, MERGED,
                List.of(commit(FakeCommit.randomSha(), TIE, "Ghost", "ghost", "Gone", 3))));
        QuarkusTransaction.rollback();
        assertEquals(afterMerge, KeptSums.assertMatchARebuild(repository), "a delivery rolled back leaves no sums");

        // The history holds the branch, but ends before the merge: the rows it holds become its own.
        repo.git("merge", "-q", "--ff-only", "pr");
        importHistory(repository, repo, 2);
        assertEquals(afterMerge, KeptSums.assertMatchARebuild(repository), "the same commits, now the history's");
        assertEquals("1", Sql.text("SELECT count(*) FROM contribution WHERE repository = ? AND pull_request = 42",
                repository));

        // A history past the merge: the squashed commit is in it under another sha, so the pull request's rest goes.
        repo.jumpTo(MERGED.plusSeconds(86_400));
        repo.write("e.txt", "squashed\n");
        repo.commit("Hedy Lamarr", at("hedy"), "Squashed\n\nCo-authored-by: Sue <" + at("sue") + ">");
        importHistory(repository, repo, 1);
        KeptSums.assertMatchARebuild(repository);
        assertEquals(Optional.of(new Named("Hedy Lamarr", 2)), named(repository, "hedy"));
        assertEquals("0", Sql.text("SELECT count(*) FROM contribution WHERE repository = ? AND pull_request = 42",
                repository));
    }

    @ParameterizedTest
    @ValueSource(strings = {"UPDATE contribution_address SET commits = commits + 1 WHERE %s",
            "UPDATE contribution_address SET lines_added = lines_added + 1 WHERE %s",
            "UPDATE contribution_address SET authored = authored + 1 WHERE %s",
            "UPDATE contribution_address SET authored_lines = authored_lines + 1 WHERE %s",
            "UPDATE contribution_address SET first_at = first_at - interval '1 microsecond' WHERE %s",
            "UPDATE contribution_address SET last_at = last_at + interval '1 microsecond' WHERE %s",
            "UPDATE contribution_address SET name = name || '.' WHERE %s",
            "DELETE FROM contribution_address WHERE %s",
            "INSERT INTO contribution_address SELECT repository, 'nobody@example.com', commits, lines_added, authored,"
                    + " authored_lines, first_at, last_at, name FROM contribution_address WHERE %s"})
    void aWrongSumFailsTheComparisonAndARebuildMendsIt(String wrong) throws SQLException {
        String repository = project("wrong");
        admin().contentType("text/plain").queryParam("wait", true)
                .body(GitLogs.commit(GitLogs.sha(1), List.of("Change", "", "Co-authored-by: Grace <grace@example.org>"),
                        List.of("4\t0\tREADME.md")).getBytes(StandardCharsets.UTF_8))
                .post("/api/repos/" + repository + "/history").then().statusCode(200);
        List<Row> right = KeptSums.assertMatchARebuild(repository);

        Sql.update(wrong.formatted("repository = ? AND email = 'ada@example.org'"), repository);
        assertThrows(AssertionFailedError.class, () -> KeptSums.assertMatchARebuild(repository));
        try (Connection c = Sql.connect()) {
            ContributionSums.rebuildAll(c);
        }
        assertEquals(right, KeptSums.assertMatchARebuild(repository));
    }

    /** A name kept for an address, and the commits credited to it. */
    record Named(String name, long commits) {
    }

    private Optional<Named> named(String repository, String user) throws SQLException {
        try (Connection c = Sql.connect()) {
            return KeptSums.rows(c, repository).stream().filter(r -> r.email().equals(at(user)))
                    .map(r -> new Named(r.name(), r.commits())).findFirst();
        }
    }

    private String project(String name) {
        admin().body(Map.of("owner", owner + "-" + name, "agreement", "individual", "licenses",
                List.of(Map.of("from", "2000-01-01", "spdx", "MIT")))).post("/api/projects").then().statusCode(201);
        return owner + "-" + name + "/" + name;
    }

    private void importHistory(String repository, GitRepo repo, int added) {
        admin().contentType("text/plain").queryParam("wait", true)
                .body(repo.git(HistoryImportTest.LOG_ARGS).getBytes(StandardCharsets.UTF_8))
                .post("/api/repos/" + repository + "/history").then().statusCode(200)
                .body("commitsAdded", equalTo(added));
    }

    /** A commit of the pull request, with the date and lines git gives it when it is one of the repository's. */
    private MergedCommit commit(String sha, Instant authored, String name, String user, String message, long lines) {
        return new MergedCommit(sha, name, at(user), authored, at(user), message, lines, 0, 1);
    }

    private static Instant authored(GitRepo repo, String sha) {
        return OffsetDateTime.parse(repo.git("log", "-1", "--format=%aI", sha).strip()).toInstant();
    }

    private String at(String user) {
        return user + "@" + domain;
    }

    private static String head(GitRepo repo) {
        return repo.git("rev-parse", "HEAD").strip();
    }
}
