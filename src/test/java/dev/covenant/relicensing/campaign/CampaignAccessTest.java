package dev.covenant.relicensing.campaign;

import static dev.covenant.Api.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import dev.covenant.web.WebClient;

/**
 * Campaigns and their personal data are for admin tokens and the repository's maintainers (admin or maintain role
 * on GitHub); a contributor sees only their own part, on their consent page.
 */
@QuarkusTest
class CampaignAccessTest {

    @Test
    void maintainersUseTheApiWithTheirSessionAndItsTokenOthersDoNot() throws Exception {
        CampaignFixture f = new CampaignFixture();
        WebClient maintainer = WebClient.signIn(f.person("maint", "maintain"));
        String csrf = maintainer.csrf();
        maintainer.request().contentType(ContentType.JSON).body(Map.of("to", "Apache-2.0")).post(f.path()).then()
                .statusCode(403).body("detail", containsString("X-CSRF-Token"));
        long id = maintainer.request().contentType(ContentType.JSON).header("X-CSRF-Token", csrf)
                .body(Map.of("to", "Apache-2.0")).post(f.path()).then().statusCode(201)
                .body("openedBy", containsString("@maint")).extract().jsonPath().getLong("id");
        String campaign = f.path() + "/" + id;
        maintainer.request().get(f.path()).then().statusCode(200).body("[0].id", equalTo((int) id));
        maintainer.request().get(campaign).then().statusCode(200)
                .body("contributors.find { it.contributor == '" + f.no + "' }.contactEmail", equalTo(f.no));
        maintainer.request().contentType(ContentType.JSON).body(Map.of("contributor", f.no, "answer", "NO"))
                .post(campaign + "/answers").then().statusCode(403);
        maintainer.request().contentType(ContentType.JSON).header("X-CSRF-Token", csrf)
                .body(Map.of("contributor", f.no, "answer", "NO", "note", "by phone")).post(campaign + "/answers")
                .then().statusCode(201).body("recordedBy", containsString("@maint"));
        WebClient.signIn(f.person("owner", "admin")).request().get(campaign).then().statusCode(200);

        WebClient writer = WebClient.signIn(f.person("writer", "write"));
        WebClient stranger = WebClient.signIn(f.person("stranger", null));
        WebClient contributor = WebClient.signIn(f.conditional);
        for (WebClient refused : List.of(writer, stranger, contributor)) {
            String token = refused.csrf();
            refused.request().get(f.path()).then().statusCode(403);
            refused.request().get(campaign).then().statusCode(403);
            refused.request().get(campaign + "/progress.svg").then().statusCode(403);
            refused.request().contentType(ContentType.JSON).header("X-CSRF-Token", token)
                    .body(Map.of("contributor", f.no, "answer", "YES", "note", "forged")).post(campaign + "/answers")
                    .then().statusCode(403);
            refused.request().header("X-CSRF-Token", token).post(campaign + "/close").then().statusCode(403);
            refused.request().get("/repos/" + f.repository + "/campaigns/" + id).then().statusCode(403)
                    .contentType(containsString("text/html"));
        }
        for (String path : List.of(f.path(), campaign, campaign + "/evidence", campaign + "/progress.svg")) {
            given().get(path).then().statusCode(401);
        }
        given().contentType(ContentType.JSON).body(Map.of("to", "MIT")).post(f.path()).then().statusCode(401);
        given().post(campaign + "/close").then().statusCode(401);
        String signIn = given().redirects().follow(false).get("/repos/" + f.repository + "/campaigns/" + id).then()
                .statusCode(401).extract().asString();
        assertTrue(signIn.contains("href=\"/login?next=/repos/" + f.repository + "/campaigns/" + id + "\""), signIn);
        admin().get(campaign).then().statusCode(200);

        String page = contributor.request().get("/consent/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<strong>4</strong> commits"), page);
        for (String private_ : List.of(f.no, "by phone", CampaignFixture.email(f.yes), f.yes, f.nobody)) {
            assertFalse(page.contains(private_), "the consent page shows nothing of anyone else: " + private_);
        }
    }

    @Test
    void theMaintainersDashboardRecordsAndClosesWithTheSessionsFormToken() throws Exception {
        CampaignFixture f = new CampaignFixture();
        long id = admin().body(Map.of("to", "Apache-2.0")).post(f.path()).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        String dashboard = "/repos/" + f.repository + "/campaigns/" + id;
        WebClient maintainer = WebClient.signIn(f.person("maint", "maintain"));
        String html = maintainer.request().get(dashboard).then().statusCode(200).extract().asString();
        assertTrue(html.contains("<svg") && html.contains("class=\"progress-chart\""), html);
        assertThat("maintainers see contact e-mails", html, containsString(CampaignFixture.email(f.yes)));
        String csrf = maintainer.csrf();
        maintainer.request().contentType("application/x-www-form-urlencoded").formParam("contributor", f.no)
                .formParam("answer", "NO").post(dashboard + "/answers").then().statusCode(403);
        String refused = maintainer.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf)
                .formParam("contributor", f.no).formParam("answer", "YES").formParam("evidenceUrl", "")
                .post(dashboard + "/answers").then().statusCode(400).extract().asString();
        assertTrue(refused.contains("<a href=\"#evidenceUrl\">Evidence URL is required"), refused);
        maintainer.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf)
                .formParam("contributor", f.no).formParam("answer", "YES")
                .formParam("evidenceUrl", "https://mail.example.org/no-says-yes").post(dashboard + "/answers").then()
                .statusCode(303).header("Location", containsString(dashboard));
        admin().get(f.path() + "/" + id).then()
                .body("contributors.find { it.contributor == '" + f.no + "' }.status", equalTo("CONSENTED"));
        maintainer.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf)
                .post(dashboard + "/close").then().statusCode(303);
        String closed = maintainer.request().get(dashboard).then().statusCode(200).extract().asString();
        assertTrue(closed.contains("id=\"evidence\"") && !closed.contains("id=\"record\""), closed);
        admin().get(f.path() + "/" + id + "/evidence").then().statusCode(200).body("campaign.closedBy",
                containsString("@maint"));
    }
}
