package dev.covenant.relicensing.history;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.covenant.Await;
import dev.covenant.Sql;
import dev.covenant.identity.People;
import dev.covenant.relicensing.report.ReportCsv;
import dev.covenant.relicensing.report.SignedProject;
import dev.covenant.signing.SigningService;

/**
 * A real history, built with the git CLI (several authors, a .mailmap, co-authors, a merge, a binary file, a
 * rename), imported from its git log text and from a clone, and the report's numbers checked against git's own.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public class HistoryImportTest {

    /** The git log command docs/relicensing.md documents, as arguments: parents, both addresses, numstat. */
    public static final String[] LOG_ARGS = {"log", "--parents", "--numstat", "--no-renames", "--use-mailmap",
            "--pretty=" + GitLogParser.FORMAT};
    /** The command documented before parents and written addresses were kept; still read, without them. */
    public static final String LOG_COMMAND = "log --numstat --pretty=fuller --no-renames --use-mailmap";

    @Inject
    People people;

    @Inject
    SigningService signing;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String owner = "relic-" + run;
    final String domain = run + ".example";
    final long adaId = 8_000_000_000L + Math.abs(run.hashCode() % 1_000_000);
    GitRepo repo;
    String log;
    HistoryExpectations git;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only from then on. */
    @BeforeEach
    void buildRepositoryAndProject() throws IOException {
        if (repo != null) {
            return;
        }
        repo = new GitRepo();
        repo.write(".mailmap", "Ada Lovelace <ada@" + domain + "> <ada@old." + domain + ">\n");
        repo.write("README.md", "hello\n");
        repo.write("src/Main.java", "class Main {\n  // one\n  // two\n}\n");
        repo.writeBytes("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2});
        repo.commit("ada lovelace", "ADA@old." + domain, "Initial import");
        repo.write("src/Main.java", "class Main {\n  // one, changed\n  // three\n  // four\n}\n");
        repo.commit("Grace Hopper", "grace@" + domain,
                "Pair on Main\n\nCo-authored-by: Alan Turing <alan@" + domain + ">");
        repo.git("checkout", "-q", "-b", "feature");
        repo.write("docs/notes.md", "une\ndeux\ntrois\n");
        repo.commit("Zoe Ng", "zoe@" + domain, "Notes");
        repo.git("checkout", "-q", "main");
        repo.git("mv", "src/Main.java", "src/App.java");
        repo.writeBytes("logo.png", new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, 3});
        repo.commit("Ada Lovelace", "ada@" + domain, "Rename Main to App; new logo");
        repo.as("Ada Lovelace", "ada@" + domain, "merge", "-q", "--no-ff", "-m", "Merge branch 'feature'", "feature");
        repo.write("README.md", "hello\nbye\n");
        repo.commit("Octo Cat", "583231+octocat@users.noreply.github.com", "Say bye");
        log = repo.git(LOG_ARGS);
        git = new HistoryExpectations(repo);

        SignedProject.create(owner, domain, adaId, run, people, signing, "HistoryImportTest");
    }

    private Response upload(String name, String text, boolean wait) {
        return admin().contentType("text/plain").queryParam("wait", wait)
                .body(text.getBytes(StandardCharsets.UTF_8)).post("/api/repos/" + owner + "/" + name + "/history");
    }

    private JsonPath report(String name, String to) {
        return admin().queryParam("to", to).get("/api/repos/" + owner + "/" + name + "/relicensing").then()
                .statusCode(200).extract().jsonPath();
    }

    @Test
    void anUploadedHistoryReportsWhatGitCounts() {
        upload("uploaded", log, true).then().statusCode(200).body("state", equalTo("DONE"))
                .body("commitsAdded", equalTo((int) git.commits));
        JsonPath report = report("uploaded", "Apache-2.0");
        assertMatchesGit(report);
        assertEquals("GRANTED", statusOf(report, "ada@" + domain));
        assertEquals("NO_AGREEMENT", statusOf(report, "grace@" + domain));
        assertEquals("NO_AGREEMENT", statusOf(report, "583231+octocat@users.noreply.github.com"));
        assertEquals("UNKNOWN_IDENTITY", statusOf(report, "zoe@" + domain));
        assertEquals("UNKNOWN_IDENTITY", statusOf(report, "alan@" + domain));
        assertEquals("FORBIDDEN_BY_AGREEMENT", statusOf(report("uploaded", "LicenseRef-Proprietary"), "ada@" + domain));
        Map<String, String> names = new HashMap<>();
        List<Map<String, Object>> contributors = report.getList("contributors");
        contributors.forEach(c -> names.put(((List<?>) c.get("emails")).get(0).toString(), (String) c.get("name")));
        assertEquals(Map.of("ada@" + domain, "Ada Lovelace", "grace@" + domain, "Grace Hopper", "alan@" + domain,
                "Alan Turing", "zoe@" + domain, "Zoe Ng", "583231+octocat@users.noreply.github.com", "Octo Cat"),
                names, "the name of each one's newest commit, after the .mailmap; a co-author's from the trailer");
    }

    @Test
    void aClonedRepositoryGivesTheSameNumbers() {
        upload("twin", log, true).then().statusCode(200);
        admin().queryParam("wait", true).body(Map.of("cloneUrl", repo.dir.toUri().toString()))
                .post("/api/repos/" + owner + "/cloned/history").then().statusCode(200).body("state", equalTo("DONE"))
                .body("source", equalTo("CLONE")).body("commitsTotal", equalTo((int) git.commits));
        JsonPath cloned = report("cloned", "Apache-2.0");
        assertMatchesGit(cloned);
        assertEquals(rows(report("twin", "Apache-2.0")), rows(cloned));
    }

    @Test
    void anUploadRunsInTheBackgroundWithItsProgress() {
        Response accepted = upload("background", log, false);
        accepted.then().statusCode(202).body("source", equalTo("TEXT"))
                .body("commitsTotal", equalTo((int) git.commits))
                .body("bytesTotal", equalTo(log.getBytes(StandardCharsets.UTF_8).length));
        String location = accepted.getHeader("Location");
        assertTrue(location.startsWith("/api/repos/" + owner + "/background/history/"), location);
        JsonPath job = JsonPath.from(Await.until("the import to be DONE", Duration.ofSeconds(30),
                () -> admin().get(location).then().statusCode(200).extract().asString(),
                body -> "DONE".equals(JsonPath.from(body).getString("state"))));
        assertEquals(git.commits, job.getLong("commitsDone"));
        admin().get("/api/repos/" + owner + "/background/history").then().statusCode(200)
                .body("id", hasItem(job.getInt("id")));
    }

    @Test
    void aMalformedLineFailsWithItsNumberAndLeavesTheEarlierImportIntact() throws Exception {
        upload("guarded", log, true).then().statusCode(200);
        String before = Sql.text("SELECT count(*) FROM contribution WHERE repository = ?", owner + "/guarded");
        List<String> lines = new ArrayList<>(log.lines().toList());
        int bad = lines.lastIndexOf(lines.stream().filter(l -> l.startsWith("AuthorDate:")).reduce((a, b) -> b)
                .orElseThrow());
        lines.set(bad, "AuthorDate: yesterday");
        String broken = String.join("\n", lines) + "\n";
        Response refused = upload("guarded", broken, true);
        refused.then().statusCode(400).contentType("application/problem+json").body("line", equalTo(bad + 1))
                .body("text", equalTo("AuthorDate: yesterday")).body("field", equalTo("body"));
        admin().get("/api/repos/" + owner + "/guarded/history/" + refused.jsonPath().getLong("job")).then()
                .body("state", equalTo("FAILED")).body("error.line", equalTo(bad + 1))
                .body("error.text", equalTo("AuthorDate: yesterday"));
        assertEquals(before, Sql.text("SELECT count(*) FROM contribution WHERE repository = ?", owner + "/guarded"));
    }

    @Test
    void reimportingTheSameHistoryAddsNothing() throws Exception {
        upload("again", log, true).then().statusCode(200).body("commitsAdded", equalTo((int) git.commits));
        List<KeptSums.Row> sums = KeptSums.assertMatchARebuild(owner + "/again");
        upload("again", log, true).then().statusCode(200).body("commitsAdded", equalTo(0))
                .body("commitsDone", equalTo((int) git.commits));
        assertEquals(String.valueOf(git.commits),
                Sql.text("SELECT count(*) FROM contribution WHERE repository = ?", owner + "/again"));
        assertEquals(sums, KeptSums.assertMatchARebuild(owner + "/again"), "nothing summed twice");
    }

    @Test
    void cloneUrlsOutsideTheAllowListAreRefused() {
        for (String url : List.of("ssh://github.com/a/b", "git@github.com:a/b.git", "file:/etc",
                "https://user:secret@github.com/a/b", "ext::sh -c touch% /tmp/pwned", "http://localhost:5432/x",
                "http://169.254.169.254/latest/meta-data/", "https://[::1]/a", "git://10.0.0.8/a",
                "https://2130706433/a")) {
            admin().body(Map.of("cloneUrl", url)).post("/api/repos/" + owner + "/evil/history").then().statusCode(400)
                    .body("field", equalTo("cloneUrl"));
        }
    }

    @Test
    void badReportQueriesNameTheField() {
        upload("queries", log, true).then().statusCode(200);
        String path = "/api/repos/" + owner + "/queries/relicensing";
        admin().queryParam("to", "Apache-2").get(path).then().statusCode(400).body("field", equalTo("to"))
                .body("errors[0].suggestions", hasItem("Apache-2.0"));
        admin().queryParam("to", "MIT").queryParam("at", "deadbeef").get(path).then().statusCode(400)
                .body("field", equalTo("at"));
        admin().queryParam("to", "MIT").queryParam("at", "1999-01-01").get(path).then().statusCode(400)
                .body("field", equalTo("at"));
        String first = repo.git("rev-list", "--max-parents=0", "HEAD").strip();
        admin().queryParam("to", "MIT").queryParam("at", first).get(path).then().statusCode(200)
                .body("totals.commits", equalTo(1)).body("atCommit", equalTo(first));
        String csv = admin().header("Accept", "text/csv").queryParam("to", "MIT").get(path).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith(ReportCsv.HEADER), csv);
        assertTrue(csv.contains("\"ada-" + run + "\",\"" + adaId + "\""), csv);
        admin().queryParam("to", "MIT").queryParam("limit", "0").get(path).then().statusCode(400)
                .body("field", equalTo("limit"));
        admin().queryParam("to", "MIT").queryParam("offset", "-1").get(path).then().statusCode(400)
                .body("field", equalTo("offset"));
        admin().queryParam("to", "MIT").queryParam("limit", "many").get(path).then().statusCode(400)
                .body("field", equalTo("limit"));
    }

    @Test
    void theContributorsComeAPageAtATimeWithTheTotalsOfEveryone() {
        upload("pages", log, true).then().statusCode(200);
        String path = "/api/repos/" + owner + "/pages/relicensing";
        JsonPath whole = report("pages", "Apache-2.0");
        List<String> everyone = whole.getList("contributors.contributor");
        assertEquals(Map.of("offset", 0, "limit", 1000, "total", everyone.size()), whole.getMap("page"),
                "one page holds them all: no next");

        List<String> paged = new ArrayList<>();
        String next = null;
        int pages = 0;
        do {
            Response answer = next == null
                    ? admin().queryParam("to", "Apache-2.0").queryParam("limit", 2).get(path)
                    : admin().get(next);
            answer.then().statusCode(200);
            JsonPath page = answer.jsonPath();
            assertEquals(whole.getMap("totals"), page.getMap("totals"), "every page counts everyone");
            paged.addAll(page.getList("contributors.contributor"));
            next = page.getString("page.next");
            String link = answer.header("Link");
            assertEquals(next == null ? null : "<" + next + ">; rel=\"next\"", link);
            pages++;
        } while (next != null);
        assertEquals(everyone, paged, "the pages, one after the other, are the report in its order");
        assertEquals((everyone.size() + 1) / 2, pages);
        admin().queryParam("to", "Apache-2.0").queryParam("offset", 1000).get(path).then().statusCode(200)
                .body("contributors.size()", equalTo(0)).body("page.total", equalTo(everyone.size()));
    }

    private void assertMatchesGit(JsonPath report) {
        assertEquals(git.reported, report.getLong("totals.commits"), "the merge has no lines of its own: left out");
        assertEquals(git.commits - git.reported, report.getLong("totals.mergesLeftOut"));
        assertEquals(git.lines, report.getLong("totals.linesAdded"));
        Map<String, List<Long>> actual = rows(report);
        git.byEmail.forEach((email, expected) -> assertEquals(
                List.of(expected.authored(), expected.credited(), expected.lines()), actual.get(email), email));
        assertEquals(git.byEmail.keySet(), actual.keySet());
    }

    /** Per first address: authored commits, credited commits, lines added. */
    private static Map<String, List<Long>> rows(JsonPath report) {
        Map<String, List<Long>> rows = new HashMap<>();
        List<Map<String, Object>> contributors = report.getList("contributors");
        for (Map<String, Object> c : contributors) {
            @SuppressWarnings("unchecked")
            String email = ((List<String>) c.get("emails")).get(0);
            rows.put(email, List.of(((Number) c.get("authoredCommits")).longValue(),
                    ((Number) c.get("commits")).longValue(), ((Number) c.get("linesAdded")).longValue()));
        }
        return rows;
    }

    private static String statusOf(JsonPath report, String email) {
        return report.getString("contributors.find { it.emails.contains('" + email + "') }.status");
    }
}
