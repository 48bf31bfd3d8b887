package dev.covenant.relicensing.campaign;

import static dev.covenant.Api.admin;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;

/**
 * Two campaigns of one repository: a yes given in a closed campaign still counts in the next campaign for an
 * equivalent target, the latest answer across them wins, and a campaign knows what it changes from.
 */
@QuarkusTest
class CampaignsAcrossTest {

    private static JsonPath report(CampaignFixture f, String to) {
        return admin().queryParam("to", to).get("/api/repos/" + f.repository + "/relicensing").then().statusCode(200)
                .extract().jsonPath();
    }

    private static String status(JsonPath report, String contributor) {
        return report.getString("contributors.find { it.contributor == '" + contributor + "' }.status");
    }

    private static long open(CampaignFixture f, Map<String, String> body) {
        return admin().body(body).post(f.path()).then().statusCode(201).extract().jsonPath().getLong("id");
    }

    private static void answer(CampaignFixture f, long campaign, String who, String answer) {
        admin().body(Map.of("contributor", who, "answer", answer, "evidenceUrl", "https://lists.example.org/" + who))
                .post(f.path() + "/" + campaign + "/answers").then()
                .log().ifValidationFails().statusCode(201);
    }

    @Test
    void aYesInAClosedCampaignSurvivesTheNextOneAndTheLatestAnswerCounts() throws SQLException {
        CampaignFixture f = new CampaignFixture();
        long first = open(f, Map.of("to", "Apache-2.0"));
        answer(f, first, f.yes, "YES");
        answer(f, first, f.conditional, "NO");
        admin().post(f.path() + "/" + first + "/close").then().statusCode(200);

        long second = open(f, Map.of("to", "Apache-2.0 OR Apache-2.0"));
        JsonPath report = report(f, "Apache-2.0");
        assertEquals("CONSENTED", status(report, f.yes), "the new campaign did not erase the yes");
        assertThat(report.getString("contributors.find { it.contributor == '" + f.yes + "' }.reason"),
                containsString("in consent campaign " + first));
        assertEquals("DECLINED", status(report, f.conditional));

        answer(f, second, f.conditional, "YES");
        report = report(f, "Apache-2.0");
        assertEquals("CONSENTED", status(report, f.conditional), "the latest answer across the campaigns counts");
        assertEquals("CONSENTED", status(report, f.yes));
        JsonPath detail = admin().get(f.path() + "/" + second).then().statusCode(200).extract().jsonPath();
        assertEquals(first, detail.getLong("contributors.find { it.contributor == '" + f.yes + "' }.answer.campaign"));
        assertEquals(second,
                detail.getLong("contributors.find { it.contributor == '" + f.conditional + "' }.answer.campaign"));

        long other = open(f, Map.of("to", "MPL-2.0"));
        assertEquals("NO_AGREEMENT", status(report(f, "MPL-2.0"), f.yes), "a yes to Apache-2.0 is not a yes to MPL");
        admin().get(f.path() + "/" + other).then().statusCode(200);

        admin().post(f.path() + "/" + second + "/close").then().statusCode(200);
        JsonPath bundle = JsonPath.from(admin().get(f.path() + "/" + second + "/evidence").then().statusCode(200)
                .extract().asString());
        assertEquals(first, bundle.getLong("contributors.find { it.contributor == '" + f.yes + "' }.consent.campaign"));
        assertEquals("CONSENTED", bundle.getString("contributors.find { it.contributor == '" + f.yes + "' }.status"));
    }

    @Test
    void aCampaignChangesFromTheLicenseTheBlockedWorkWasMadeUnder() throws SQLException {
        CampaignFixture f = new CampaignFixture();
        String project = Sql.text("SELECT id FROM project WHERE owner = ?", f.owner);
        admin().body(Map.of("from", "2021-01-01", "spdx", "Apache-2.0")).post("/api/projects/" + project + "/licenses")
                .then().statusCode(200);

        admin().body(Map.of("to", "Apache-2.0", "from", "Apache-2.0")).post(f.path()).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("from"));
        admin().body(Map.of("to", "GPL-3.0-or-later", "from", "GPL-3.0+")).post(f.path()).then().statusCode(400)
                .body("field", equalTo("from"));
        admin().body(Map.of("to", "Apache-2.0", "from", "MIT OR")).post(f.path()).then().statusCode(400)
                .body("field", equalTo("from"));

        admin().body(Map.of("to", "Apache-2.0")).post(f.path()).then().statusCode(201)
                .body("from", equalTo("MIT")).body("to", equalTo("Apache-2.0"));
    }
}
