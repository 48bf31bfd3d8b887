package dev.covenant.relicensing.report;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.covenant.identity.People;
import dev.covenant.relicensing.history.GitRepo;
import dev.covenant.relicensing.history.HistoryImportTest;
import dev.covenant.signing.SigningService;

/**
 * {@code at=<commit>} counts what {@code git rev-list <commit>} lists, on a history built to tell ancestry from
 * dates apart: a merged branch, an unmerged branch whose commits are older than the cut, and a rebased commit whose
 * author date is newer than the commit cut at.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AncestryReportTest {

    @Inject
    People people;

    @Inject
    SigningService signing;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String owner = "anc-" + run;
    final String domain = run + ".example";
    final long adaId = 8_500_000_000L + Math.abs(run.hashCode() % 1_000_000);
    GitRepo repo;
    String cut;
    String late;

    @BeforeEach
    void buildRepository() throws IOException {
        if (repo != null) {
            return;
        }
        repo = new GitRepo();
        Instant t0 = Instant.parse("2021-01-01T00:00:00Z");
        repo.jumpTo(t0);
        repo.write("a.txt", "one\n");
        repo.commit("Ada", "ada@" + domain, "Start");
        repo.write("a.txt", "one\ntwo\n");
        repo.commit("Ada", "ada@" + domain, "Two");
        // A topic written late (authored in March), rebased onto main later on.
        repo.git("checkout", "-q", "-b", "topic");
        repo.jumpTo(t0.plusSeconds(86_400 * 60));
        repo.write("t.txt", "topic\n");
        repo.commit("Grace", "grace@" + domain, "Topic, authored late");
        repo.git("checkout", "-q", "main");
        repo.jumpTo(t0.plusSeconds(86_400 * 2));
        // A branch merged into main.
        repo.git("checkout", "-q", "-b", "feature");
        repo.write("f.txt", "f1\n");
        repo.commit("Zoe", "zoe@" + domain, "Feature one");
        repo.write("f.txt", "f1\nf2\n");
        repo.commit("Zoe", "zoe@" + domain, "Feature two");
        repo.git("checkout", "-q", "main");
        repo.write("a.txt", "one\ntwo\nthree\n");
        repo.commit("Ada", "ada@" + domain, "Three");
        repo.as("Ada", "ada@" + domain, "merge", "-q", "--no-ff", "-m", "Merge feature", "feature");
        // The topic rebased onto main: its author date stays in March.
        repo.as("Ada", "ada@" + domain, "cherry-pick", "topic");
        repo.write("a.txt", "one\ntwo\nthree\nfour\n");
        repo.commit("Ada", "ada@" + domain, "Four, authored before the rebased commit");
        cut = repo.git("rev-parse", "HEAD").strip();
        // An unmerged branch from the start, authored before the cut.
        repo.git("checkout", "-q", "-b", "stale", repo.git("rev-list", "--max-parents=0", "HEAD").strip());
        repo.jumpTo(t0.plusSeconds(3600 * 5));
        repo.write("s.txt", "stale\n");
        repo.commit("Alan", "alan@" + domain, "Stale, never merged");
        repo.git("checkout", "-q", "main");
        repo.write("a.txt", "one\ntwo\nthree\nfour\nfive\n");
        repo.commit("Ada", "ada@" + domain, "Five, after the cut");
        late = repo.git("log", "-1", "--format=%H", "topic").strip();

        SignedProject.create(owner, domain, adaId, run, people, signing, "AncestryReportTest");
    }

    private void upload(String name, String log) {
        admin().contentType("text/plain").queryParam("wait", true).body(log.getBytes(StandardCharsets.UTF_8))
                .post("/api/repos/" + owner + "/" + name + "/history").then().statusCode(200);
    }

    private JsonPath report(String name, String at) {
        return admin().queryParam("to", "Apache-2.0").queryParam("at", at)
                .get("/api/repos/" + owner + "/" + name + "/relicensing").then().statusCode(200).extract().jsonPath();
    }

    /**
     * The commits the report counts at {@code rev}: those git lists without {@code --merges}, since merges without
     * lines of their own carry no work and are left out (the merge here adds no line of its own).
     */
    private long revList(String rev) {
        return Long.parseLong(repo.git("rev-list", "--count", "--no-merges", rev).strip());
    }

    private long merges(String rev) {
        return Long.parseLong(repo.git("rev-list", "--count", "--merges", rev).strip());
    }

    @Test
    void aCommitCutCountsItsAncestryAsGitDoes() {
        String[] args = HistoryImportTest.LOG_ARGS.clone();
        String log = repo.git(java.util.stream.Stream.concat(java.util.Arrays.stream(args),
                java.util.stream.Stream.of("--all")).toArray(String[]::new));
        upload("all", log);
        long byDate = report("all", Instant.parse(repo.git("log", "-1", "--format=%aI", cut).strip()).toString())
                .getLong("totals.commits");
        JsonPath atCut = report("all", cut);
        assertEquals(revList(cut), atCut.getLong("totals.commits"), "git rev-list --count " + cut);
        assertEquals(cut, atCut.getString("atCommit"));
        assertNotEquals(revList(cut), byDate, "the history is built so that a date cut gets it wrong");
        assertTrue(atCut.getList("contributors.emails.flatten()").contains("grace@" + domain),
                "the rebased commit authored after the cut is in its ancestry");
        assertTrue(!atCut.getList("contributors.emails.flatten()").contains("alan@" + domain),
                "the unmerged branch is not, although it is older");
        for (String rev : repo.git("rev-list", "--all").strip().split("\n")) {
            JsonPath at = report("all", rev);
            assertEquals(revList(rev), at.getLong("totals.commits"), "git rev-list --count --no-merges " + rev);
            assertEquals(merges(rev), at.getLong("totals.mergesLeftOut"), "git rev-list --count --merges " + rev);
        }
        assertEquals(1, merges("HEAD"), "the history holds a --no-ff merge, which the report leaves out");
        assertEquals(merges("--all"), report("all", null).getLong("totals.mergesLeftOut"));
        assertEquals(revList(cut), report("all", cut.substring(0, 10)).getLong("totals.commits"), "a prefix");
        assertEquals(revList("--all"), report("all", null).getLong("totals.commits"));
    }

    @Test
    void aClonedHistoryCutsByAncestryToo() {
        admin().queryParam("wait", true).body(Map.of("cloneUrl", repo.dir.toUri().toString()))
                .post("/api/repos/" + owner + "/cloned/history").then().statusCode(200);
        assertEquals(revList(cut), report("cloned", cut).getLong("totals.commits"));
        assertEquals(revList("HEAD"), report("cloned", repo.git("rev-parse", "HEAD").strip())
                .getLong("totals.commits"));
    }

    @Test
    void aHistoryWithoutParentsAsksToBeImportedAgain() {
        upload("old", repo.git(HistoryImportTest.LOG_COMMAND.split(" ")));
        String path = "/api/repos/" + owner + "/old/relicensing";
        admin().queryParam("to", "Apache-2.0").queryParam("at", cut).get(path).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("import the history again"));
        report("old", "2021-01-02");
        JsonPath fuller = report("old", null);
        assertEquals(revList("HEAD"), fuller.getLong("totals.commits"),
                "without parents, git's Merge: lines still tell the merges, which are left out");
        assertEquals(merges("HEAD"), fuller.getLong("totals.mergesLeftOut"));
        admin().queryParam("to", "Apache-2.0").queryParam("at", "0123456789abcdef").get(path).then()
                .statusCode(400).body("field", equalTo("at"));
        upload("old", repo.git(HistoryImportTest.LOG_ARGS));
        assertEquals(revList(cut), report("old", cut).getLong("totals.commits"), "imported again, with parents");
        assertEquals(revList("HEAD"), report("old", null).getLong("totals.commits"));
    }

    @Test
    void aMergeFoundOnImportingAgainIsLeftOutOfTheSums() {
        // Neither parents nor Merge: lines: nothing tells a merge apart.
        String bare = repo.git(HistoryImportTest.LOG_COMMAND.split(" ")).replaceAll("(?m)^Merge: .*\n", "");
        upload("bare", bare);
        JsonPath unknown = report("bare", null);
        assertEquals(Long.parseLong(repo.git("rev-list", "--count", "HEAD").strip()),
                unknown.getLong("totals.commits"), "no commit is known to be a merge: none is left out");
        assertEquals(0, unknown.getLong("totals.mergesLeftOut"));
        upload("bare", repo.git(HistoryImportTest.LOG_ARGS));
        JsonPath again = report("bare", null);
        assertEquals(revList("HEAD"), again.getLong("totals.commits"),
                "the merge found on importing again is left out of the sums too");
        assertEquals(merges("HEAD"), again.getLong("totals.mergesLeftOut"));
        assertEquals(again.getLong("totals.commits"), report("bare", repo.git("rev-parse", "HEAD").strip())
                .getLong("totals.commits"), "at HEAD, by ancestry");
    }
}
