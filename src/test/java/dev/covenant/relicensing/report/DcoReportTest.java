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
import org.junit.jupiter.api.Test;

import dev.covenant.relicensing.history.GitRepo;
import dev.covenant.relicensing.history.HistoryImportTest;

/**
 * A project that took contributions under a DCO: what no agreement covers is {@code DCO_ONLY}, given under the
 * project's license of its day with no grant to relicense, on a real imported history; the same history in a
 * {@code CLA} project is {@code UNKNOWN_IDENTITY}, and a target the license already allows needs nothing.
 */
@QuarkusTest
class DcoReportTest {

    @Test
    void aContributionCoveredOnlyByASignOffIsGivenUnderTheLicenseOfItsDay() throws IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String owner = "dco-" + run;
        String name = owner + "/lib";
        String zoe = "zoe@" + run + ".example";
        int id = admin().body(Map.of("owner", owner, "agreement", "individual", "mode", "DCO", "licenses",
                List.of(Map.of("from", "2000-01-01", "spdx", "MIT")))).post("/api/projects").then().statusCode(201)
                .extract().path("id");
        GitRepo git = new GitRepo();
        git.jumpTo(Instant.parse("2016-06-01T12:00:00Z"));
        for (int i = 0; i < 3; i++) {
            git.write("a.txt", "line " + i + "\n");
            git.commit("Zoe", zoe, "Change " + i + "\n\nSigned-off-by: Zoe <" + zoe + ">");
        }
        admin().contentType("text/plain").queryParam("wait", true)
                .body(git.git(HistoryImportTest.LOG_COMMAND.split(" ")).getBytes(StandardCharsets.UTF_8))
                .post("/api/repos/" + name + "/history").then().statusCode(200).body("state", equalTo("DONE"));

        JsonPath report = report(name, "Apache-2.0");
        assertEquals("DCO_ONLY", report.getString("contributors[0].status"), report.prettify());
        assertEquals("covered only by a DCO sign-off (the project's mode is DCO): given under the project's license"
                + " at the time, MIT, with no relicensing grant", report.getString("contributors[0].reason"));
        assertEquals(3, report.getInt("contributors[0].commits"));
        assertEquals(0, report.getInt("contributors[0].commitsCleared"));
        assertEquals("DCO_ONLY", report.getString("contributors[0].periods[0].status"));
        assertEquals("LICENSE_ALLOWS", report(name, "MIT").getString("contributors[0].status"));
        String csv = admin().queryParam("to", "Apache-2.0").queryParam("format", "csv")
                .get("/api/repos/" + name + "/relicensing").then().statusCode(200).extract().asString();
        assertEquals(true, csv.contains(",\"DCO_ONLY\","), csv);

        admin().body(Map.of("mode", "CLA")).put("/api/projects/" + id + "/settings").then().statusCode(200);
        assertEquals("UNKNOWN_IDENTITY", report(name, "Apache-2.0").getString("contributors[0].status"));
    }

    private static JsonPath report(String name, String to) {
        return admin().queryParam("to", to).get("/api/repos/" + name + "/relicensing").then().statusCode(200)
                .extract().jsonPath();
    }
}
