package dev.covenant.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.relicensing.campaign.CampaignFixture;

/**
 * The forms a person fills at length, sent after their session ended (no session cookie): nothing is done, the
 * answer asks to sign in again and keeps what was typed in the browser's own cookies; the form's page then shows it
 * filled in, once, to the person signed in again, and forgets it. Real HTTP against the real database.
 */
@QuarkusTest
class SessionEndedFormsTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    /** Sends the form with a session cookie that no longer opens a session; answers the draft's cookies. */
    private static Map<String, String> sentSignedOut(String path, Map<String, String> fields) {
        RequestSpecification request = given().redirects().follow(false).contentType(FORM)
                .cookie(WebSessions.COOKIE, "ended-" + System.nanoTime());
        fields.forEach(request::formParam);
        Response answer = request.post(path);
        assertEquals(401, answer.statusCode(), answer.asString());
        String page = answer.asString();
        assertTrue(page.contains("what you typed is kept"), page);
        Map<String, String> kept = new LinkedHashMap<>();
        answer.getDetailedCookies().asList().stream().filter(c -> c.getName().startsWith(FormDrafts.COOKIE))
                .filter(c -> c.getMaxAge() > 0).forEach(c -> kept.put(c.getName(), c.getValue()));
        assertNotNull(kept.get(FormDrafts.COOKIE), "the draft is kept in a cookie: " + answer.getHeaders());
        return kept;
    }

    /** The form's page, signed in again, with the draft's cookies; checks that it forgets them. */
    private static String shownOnce(WebClient client, String path, Map<String, String> kept) {
        Response page = client.request().cookies(kept).get(path);
        assertEquals(200, page.statusCode(), page.asString());
        assertEquals("0", String.valueOf(page.getDetailedCookie(FormDrafts.COOKIE).getMaxAge()),
                "the draft is forgotten once shown");
        return page.asString();
    }

    @Test
    void aCorporateSigningComesBackFilledInAndNothingIsSignedMeanwhile() {
        String login = CampaignFixture.user("corpdraft" + System.nanoTime() % 1_000_000);
        String company = "Draft Company " + login;
        Map<String, String> kept = sentSignedOut("/corporate/corporate/sign", Map.of("_csrf", "stale", "version",
                "1.0.0", "company", company, "title", "Chief <Drafter>", "contact_email", "legal@draft.example"));
        assertEquals("0", Sql.textUnchecked("SELECT count(*) FROM corporate_agreement WHERE company = ?", company));
        WebClient client = WebClient.signIn(login);
        String page = shownOnce(client, "/corporate/corporate", kept);
        assertTrue(page.contains("value=\"" + company + "\""), "the company as typed");
        assertTrue(page.contains("value=\"Chief &lt;Drafter&gt;\""), "escaped as any value");
        assertTrue(!page.contains("stale"), "the old form's token is never kept");
        client.request().get("/corporate/corporate").then().statusCode(200)
                .body(not(containsString("value=\"" + company + "\"")));
        client.request().cookies(kept).get("/agreements/individual").then().statusCode(200)
                .body(not(containsString(company)));
    }

    @Test
    void anApprovalListLineComesBackFilledInAndIsNotAddedMeanwhile() {
        String manager = CampaignFixture.user("apprdraft" + System.nanoTime() % 1_000_000);
        WebClient client = WebClient.signIn(manager);
        String corporate = client.signCorporate("Approvals Draft " + manager);
        Map<String, String> kept = sentSignedOut("/corporate/agreements/" + corporate + "/approvals", Map.of(
                "kind", "EMAIL", "value", "late-" + manager + "@draft.example", "validFrom", "2021-02-03"));
        assertEquals("0", Sql.textUnchecked("SELECT count(*) FROM approval WHERE corporate_id = ?::uuid",
                corporate));
        String page = shownOnce(client, "/corporate/agreements/" + corporate, kept);
        assertTrue(page.contains("value=\"late-" + manager + "@draft.example\""), page);
        assertTrue(page.contains("value=\"2021-02-03\""));
        assertTrue(page.contains("<option value=\"EMAIL\" selected>"), "the criterion as chosen");
    }

    @Test
    void aConsentAnswerAndAMaintainersRecordComeBackFilledIn() throws Exception {
        CampaignFixture f = new CampaignFixture();
        String maintainer = f.person("draftmaint", "maintain");
        WebClient maintaining = WebClient.signIn(maintainer);
        long campaign = maintaining.request().contentType("application/json").header("X-CSRF-Token",
                maintaining.csrf()).body(Map.of("to", "Apache-2.0")).post(f.path()).then().statusCode(201).extract()
                .jsonPath().getLong("id");

        Map<String, String> kept = sentSignedOut("/consent/" + campaign, Map.of("answer", "CONDITIONAL", "note",
                "Only if the NOTICE file keeps my name"));
        String page = shownOnce(WebClient.signIn(f.conditional), "/consent/" + campaign, kept);
        assertTrue(page.contains(">Only if the NOTICE file keeps my name</textarea>"), page);
        assertTrue(page.contains("value=\"CONDITIONAL\" id=\"answer-conditional\" checked"), page);
        assertEquals("0", Sql.textUnchecked("SELECT count(*) FROM consent WHERE campaign_id = ?", campaign),
                "nothing was recorded meanwhile");

        String dashboard = "/repos/" + f.repository + "/campaigns/" + campaign;
        Map<String, String> record = sentSignedOut(dashboard + "/answers", Map.of("contributor", f.no, "answer",
                "NO", "evidenceUrl", "https://mail.example.org/" + f.n, "note", "Said no by mail"));
        page = shownOnce(maintaining, dashboard, record);
        assertTrue(page.contains("value=\"" + f.no + "\""), page);
        assertTrue(page.contains("value=\"https://mail.example.org/" + f.n + "\""));
        assertTrue(page.contains("<option value=\"NO\" selected>"));

        // Open to the signed-out only so as to keep their draft: anyone else signed in is refused as before.
        WebClient other = WebClient.signIn(f.person("draftwriter", "write"));
        other.request().contentType(FORM).formParam("_csrf", other.csrf()).formParam("contributor", f.no)
                .formParam("answer", "NO").formParam("evidenceUrl", "https://mail.example.org/x")
                .post(dashboard + "/answers").then().statusCode(403)
                .body(containsString("Only the maintainers of " + f.repository));
        assertEquals("0", Sql.textUnchecked("SELECT count(*) FROM consent WHERE campaign_id = ?", campaign));
    }
}
