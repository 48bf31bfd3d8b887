package dev.covenant.relicensing.report;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.covenant.relicensing.history.GitRepo;
import dev.covenant.relicensing.history.HistoryImportTest;

/**
 * Contributions made while the project's license already allowed the target need no grant: a real history over three
 * license periods (GPL-2.0-only, then GPL-2.0-or-later, then Apache-2.0), nobody signed anything, and the cleared
 * commits equal git's count of the commits of the periods whose license allows the target.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LicensePeriodsReportTest {

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String owner = "periods-" + run;
    final String name = owner + "/lib";
    final String old = "old@" + run + ".example";
    final String mid = "mid@" + run + ".example";
    final String late = "late@" + run + ".example";
    GitRepo git;

    @BeforeEach
    void importHistory() throws IOException {
        if (git != null) {
            return;
        }
        admin().body(Map.of("owner", owner, "agreement", "individual", "licenses",
                List.of(Map.of("from", "2000-01-01", "spdx", "GPL-2.0-only"),
                        Map.of("from", "2010-01-01", "spdx", "GPL-2.0-or-later"),
                        Map.of("from", "2015-01-01", "spdx", "Apache-2.0"))))
                .post("/api/projects").then().statusCode(201);
        git = new GitRepo();
        git.jumpTo(Instant.parse("2005-06-01T12:00:00Z"));
        commit("Old", old, "a.txt", 2);
        git.jumpTo(Instant.parse("2012-06-01T12:00:00Z"));
        commit("Old", old, "b.txt", 1);
        commit("Mid", mid, "c.txt", 3);
        git.jumpTo(Instant.parse("2016-06-01T12:00:00Z"));
        commit("Late", late, "d.txt", 2);
        admin().contentType("text/plain").queryParam("wait", true)
                .body(git.git(HistoryImportTest.LOG_COMMAND.split(" ")).getBytes(StandardCharsets.UTF_8))
                .post("/api/repos/" + name + "/history").then().statusCode(200).body("state", equalTo("DONE"));
    }

    private void commit(String author, String email, String file, int times) throws IOException {
        for (int i = 0; i < times; i++) {
            git.write(file, author + " " + i + "\n");
            git.commit(author, email, author + " " + i);
        }
    }

    private JsonPath report(String to) {
        return admin().queryParam("to", to).get("/api/repos/" + name + "/relicensing").then().statusCode(200)
                .extract().jsonPath();
    }

    private long gitCount(String since, String until) {
        return Long.parseLong(git.git("rev-list", "--count", "--since=" + since, "--until=" + until, "HEAD").strip());
    }

    private static String status(JsonPath report, String email) {
        return report.getString("contributors.find { it.emails.contains('" + email + "') }.status");
    }

    @Test
    void anOrLaterLicenseAllowsTheLaterVersionWithoutAGrant() {
        JsonPath report = report("GPL-3.0-or-later");
        assertEquals(Long.parseLong(git.git("rev-list", "--count", "HEAD").strip()), report.getLong("totals.commits"));
        assertEquals(gitCount("2010-01-01T00:00:00Z", "2014-12-31T23:59:59Z"), report.getLong("totals.commitsCleared"));
        assertEquals("LICENSE_ALLOWS", status(report, mid));
        assertEquals("UNKNOWN_IDENTITY", status(report, old), "GPL-2.0-only does not allow GPL-3.0");
        assertEquals(1, report.getLong("contributors.find { it.emails.contains('" + old + "') }.commitsCleared"));
        assertEquals("UNKNOWN_IDENTITY", status(report, late), "Apache-2.0 does not allow GPL-3.0");
        assertEquals(List.of("GPL-2.0-only", "GPL-2.0-or-later"),
                report.getList("contributors.find { it.emails.contains('" + old + "') }.periods.license"));
    }

    @Test
    void theSameLicenseIsNoRelicensing() {
        JsonPath report = report("Apache-2.0");
        assertEquals(gitCount("2015-01-01T00:00:00Z", "2099-01-01T00:00:00Z"),
                report.getLong("totals.commitsCleared"));
        assertEquals("LICENSE_ALLOWS", status(report, late));
        assertEquals("UNKNOWN_IDENTITY", status(report, mid));
    }

    @Test
    void aLicenseNoPeriodAllowsClearsNothing() {
        JsonPath report = report("MIT");
        assertEquals(0, report.getLong("totals.commitsCleared"));
        assertEquals(List.of("UNKNOWN_IDENTITY"), report.getList("contributors.status").stream().distinct().toList());
    }
}
