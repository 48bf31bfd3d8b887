package dev.covenant.relicensing.report;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.covenant.identity.People;
import dev.covenant.relicensing.history.GitRepo;
import dev.covenant.relicensing.history.HistoryImportTest;
import dev.covenant.signing.SigningService;

/**
 * {@code ?trivialLines=N}: the commits adding at most N lines, which would otherwise block, are reported apart as
 * {@code TRIVIAL}, compared with what {@code git log --numstat --no-renames} says each commit adds. Ada signed (her
 * small commits stay {@code GRANTED}); Grace did not and made only small commits, one of which only deletes; Zoe,
 * whom no account names, made a small commit and a large one; a {@code --no-ff} merge adds nothing of its own.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TrivialLinesReportTest {

    @Inject
    People people;

    @Inject
    SigningService signing;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String owner = "triv-" + run;
    final String domain = run + ".example";
    final long adaId = 8_600_000_000L + Math.abs(run.hashCode() % 1_000_000);
    GitRepo repo;
    String path;

    /** One commit as git's numstat gives it: its author and the lines it adds. */
    record Commit(String email, long added) {
    }

    @BeforeEach
    void buildRepository() throws IOException {
        if (repo != null) {
            return;
        }
        repo = new GitRepo();
        String ada = "ada@" + domain, grace = "grace@" + domain, zoe = "zoe@nowhere-" + run + ".example";
        repo.write("a.txt", "1\n2\n3\n4\n5\n6\n7\n8\n");
        repo.commit("Ada", ada, "Start, eight lines");
        repo.write("a.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\n");
        repo.commit("Ada", ada, "One more line");
        repo.write("a.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\nten\n");
        repo.commit("Grace", grace, "A typo");
        repo.write("a.txt", "1\n2\n3\n4\n5\n6\n7\n8\n9\n");
        repo.commit("Grace", grace, "Only a deletion");
        repo.git("checkout", "-q", "-b", "feature");
        repo.write("z.txt", "z1\nz2\n");
        repo.commit("Zoe", zoe, "Two lines");
        repo.write("z.txt", "z1\nz2\nz3\nz4\nz5\nz6\nz7\n");
        repo.commit("Zoe", zoe, "Five more lines");
        repo.git("checkout", "-q", "main");
        repo.write("g.txt", "g1\ng2\n");
        repo.commit("Grace", grace, "Two lines of her own");
        repo.as("Ada", ada, "merge", "-q", "--no-ff", "-m", "Merge feature", "feature");
        SignedProject.create(owner, domain, adaId, run, people, signing, "TrivialLinesReportTest");
        path = "/api/repos/" + owner + "/widget/relicensing";
        admin().contentType("text/plain").queryParam("wait", true)
                .body(repo.git(HistoryImportTest.LOG_ARGS).getBytes(StandardCharsets.UTF_8))
                .post("/api/repos/" + owner + "/widget/history").then().statusCode(200)
                .body("state", equalTo("DONE"));
    }

    /** Each commit git's numstat lists, merges left out as the report leaves them (they add nothing). */
    private List<Commit> gitCommits() {
        List<Commit> commits = new ArrayList<>();
        for (String line : repo.git("log", "--no-merges", "--numstat", "--no-renames", "--format=#%ae").split("\n")) {
            if (line.startsWith("#")) {
                commits.add(new Commit(line.substring(1).toLowerCase(Locale.ROOT), 0));
            } else if (!line.isBlank() && !line.startsWith("-\t")) {
                Commit last = commits.remove(commits.size() - 1);
                commits.add(new Commit(last.email(), last.added() + Long.parseLong(line.split("\t")[0])));
            }
        }
        return commits;
    }

    private JsonPath report(Integer trivialLines) {
        var request = admin().queryParam("to", "Apache-2.0");
        if (trivialLines != null) {
            request.queryParam("trivialLines", trivialLines);
        }
        return request.get(path).then().statusCode(200).extract().jsonPath();
    }

    private static String status(JsonPath report, String email) {
        return report.getString("contributors.find { it.emails.contains('" + email + "') }.status");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 1000})
    void commitsAddingAtMostNLinesClearAsTrivialWhenTheyWouldBlock(int n) {
        List<Commit> commits = gitCommits();
        String ada = "ada@" + domain;
        List<Commit> trivial = commits.stream().filter(c -> !c.email().equals(ada) && c.added() <= n).toList();
        long adas = commits.stream().filter(c -> c.email().equals(ada)).count();
        long adasLines = commits.stream().filter(c -> c.email().equals(ada)).mapToLong(Commit::added).sum();
        JsonPath report = report(n);
        assertEquals(commits.size(), report.getLong("totals.commits"), "git log --no-merges");
        assertEquals(1, report.getLong("totals.mergesLeftOut"));
        assertEquals(trivial.size(), report.getLong("totals.commitsTrivial"), "commits of at most " + n + " lines");
        assertEquals(trivial.stream().mapToLong(Commit::added).sum(), report.getLong("totals.linesTrivial"));
        assertEquals(adas + trivial.size(), report.getLong("totals.commitsCleared"),
                "Ada's commits, granted, and the trivial ones");
        assertEquals(adasLines + trivial.stream().mapToLong(Commit::added).sum(),
                report.getLong("totals.linesCleared"));
        assertEquals("GRANTED", status(report, ada), "a small commit that is granted stays granted");
        for (String email : List.of("grace@" + domain, "zoe@nowhere-" + run + ".example")) {
            boolean allTrivial = commits.stream().filter(c -> c.email().equals(email)).allMatch(c -> c.added() <= n);
            long mine = trivial.stream().filter(c -> c.email().equals(email)).count();
            String status = status(report, email);
            assertEquals(allTrivial, "TRIVIAL".equals(status), email + " at " + n + ": " + status);
            assertEquals(mine, report.getLong("contributors.find { it.emails.contains('" + email
                    + "') }.commitsCleared"), email);
        }
    }

    @Test
    void withoutTheParameterNothingIsLeftOutAsTrivial() {
        JsonPath report = report(null);
        assertEquals(0, report.getLong("totals.commitsTrivial"));
        assertEquals(0, report.getLong("totals.linesTrivial"));
        assertEquals("NO_AGREEMENT", status(report, "grace@" + domain));
        assertEquals("UNKNOWN_IDENTITY", status(report, "zoe@nowhere-" + run + ".example"));
        long adas = gitCommits().stream().filter(c -> c.email().equals("ada@" + domain)).count();
        assertEquals(adas, report.getLong("totals.commitsCleared"));
        assertTrue(report.getString("contributors.status").indexOf("TRIVIAL") < 0);
    }

    @Test
    void theCsvShowsTrivialRowsAndBadValuesNameTheField() {
        String csv = admin().header("Accept", "text/csv").queryParam("to", "Apache-2.0").queryParam("trivialLines", 2)
                .get(path).then().statusCode(200).extract().asString();
        assertTrue(csv.lines().anyMatch(l -> l.contains("grace@" + domain) && l.contains("\"TRIVIAL\"")), csv);
        for (String bad : List.of("-1", "1001", "few", "2.5")) {
            admin().queryParam("to", "Apache-2.0").queryParam("trivialLines", bad).get(path).then().statusCode(400)
                    .contentType("application/problem+json").body("field", equalTo("trivialLines"))
                    .body("errors[0].message", containsString("trivial"));
            admin().header("Accept", "text/csv").queryParam("to", "Apache-2.0").queryParam("trivialLines", bad)
                    .get(path).then().statusCode(400).body("field", equalTo("trivialLines"));
        }
    }
}
