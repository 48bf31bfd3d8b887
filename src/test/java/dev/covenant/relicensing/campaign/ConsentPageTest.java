package dev.covenant.relicensing.campaign;

import static dev.covenant.Api.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.relicensing.history.ContributionSums;
import dev.covenant.web.WebClient;

/** The consent page for contributors, and what every page and the SVG chart do with hostile text. */
@QuarkusTest
class ConsentPageTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    @Test
    void signedOutVisitorsGetASignInLinkThatComesBackAndNothingOfTheCampaign() throws Exception {
        CampaignFixture f = new CampaignFixture();
        long id = open(f);
        String page = given().get("/consent/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("href=\"/login?next=/consent/" + id + "\""), page);
        assertFalse(page.contains(f.repository) || page.contains("Apache-2.0"), "the campaign shows before sign-in");
        assertFalse(page.contains("name=\"answer\""), "no form before signing in");
        given().redirects().follow(false).get("/login?next=/consent/" + id).then().statusCode(303);
        long absent = id + 1_000_000;
        String none = given().get("/consent/" + absent).then().statusCode(200).extract().asString();
        assertEquals(page.replace("/consent/" + id, "/consent/N").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""),
                none.replace("/consent/" + absent, "/consent/N").replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""),
                "an absent campaign looks like a present one");
    }

    @Test
    void aContributorSeesTheirCommitsAndChangesTheirAnswerWhileTheCampaignIsOpen() throws Exception {
        CampaignFixture f = new CampaignFixture();
        long id = open(f);
        WebClient contributor = WebClient.signIn(f.conditional);
        String page = contributor.request().get("/consent/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<strong>4</strong> commits"), page);
        assertTrue(page.contains("from <time datetime=\"2020-01-14T12:00:00Z\">14 January 2020, 12:00 UTC</time> to"
                + " <time datetime=\"2020-01-17T12:00:00Z\">17 January 2020, 12:00 UTC</time>"), page);
        assertEquals(4, page.split("<td class=\"hash\"").length - 1, "the newest commits, one row each");
        assertFalse(page.contains("id=\"recorded\""), page);
        String csrf = contributor.csrf();
        CampaignApiTest.answerOnThePage(contributor, id, csrf, "NO", "").then().statusCode(303);
        String refused = CampaignApiTest.answerOnThePage(contributor, id, csrf, "CONDITIONAL", "").then()
                .statusCode(400)
                .extract().asString();
        assertTrue(refused.contains("<a href=\"#note\">Note is required with a conditional yes"), refused);
        assertTrue(refused.contains("id=\"note-error\">Note is required with a conditional yes"), refused);
        assertTrue(refused.contains("value=\"CONDITIONAL\" id=\"answer-conditional\" checked"),
                "the answer as chosen: " + refused);
        assertFalse(refused.contains("note: is required"), "no field id in what a person reads: " + refused);
        CampaignApiTest.answerOnThePage(contributor, id, csrf, "UNREACHABLE", "").then().statusCode(400);
        CampaignApiTest.answerOnThePage(contributor, id, "forged", "YES", "").then().statusCode(403);
        CampaignApiTest.answerOnThePage(contributor, id, csrf, "CONDITIONAL", SCRIPT).then().statusCode(303);
        String answered = contributor.request().get("/consent/" + id).then().statusCode(200).extract().asString();
        assertTrue(answered.contains("<strong class=\"answer\">CONDITIONAL</strong>"), answered);
        assertTrue(answered.contains("&lt;script&gt;alert(1)&lt;/script&gt;") && !answered.contains(SCRIPT), answered);
        assertEquals("2", Sql.text("SELECT count(*) FROM consent WHERE campaign_id = ?", id),
                "the NO and the conditional yes; nothing of the refused ones");
        assertEquals("2", Sql.text("SELECT count(*) FROM ledger_entry WHERE kind = 'consent.answered'"
                + " AND (event::jsonb ->> 'campaign')::bigint = ?", id));
    }

    @Test
    void someoneWithoutCommitsGetsTheAnswerOfAnAbsentCampaignAndCannotAnswer() throws Exception {
        CampaignFixture f = new CampaignFixture();
        long id = open(f);
        WebClient stranger = WebClient.signIn(f.person("outsider", null));
        String page = stranger.request().get("/consent/" + id).then().statusCode(404).extract().asString();
        assertFalse(page.contains(f.repository) || page.contains("name=\"answer\""), page);
        long absent = id + 1_000_000;
        String none = stranger.request().get("/consent/" + absent).then().statusCode(404).extract().asString();
        assertEquals(page.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""),
                none.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", ""), "not allowed and absent look alike");
        stranger.request().get("/consent/not-a-number").then().statusCode(404);
        CampaignApiTest.answerOnThePage(stranger, id, stranger.csrf(), "YES", "").then().statusCode(404);
        assertEquals("0", Sql.text("SELECT count(*) FROM consent WHERE campaign_id = ?", id));
    }

    @Test
    void hostileNamesAndNotesAreEscapedInTheDashboardAndTheSvgChart() throws Exception {
        CampaignFixture f = new CampaignFixture();
        String hostile = SCRIPT + "@evil.example";
        for (int i = 0; i < 10; i++) {
            // Behind the service's back: the heaviest contributor, whose address is markup.
            Sql.update("INSERT INTO contribution (repository, sha, author_name, author_email, authored_at,"
                    + " committer_email, merge, lines_added, lines_deleted, files) VALUES (?, ?, 'Evil', ?, ?, ?, false,"
                    + " 1, 0, 1)", f.repository, String.format("%040x", 0xe000 + i), hostile,
                    OffsetDateTime.of(2021, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), hostile);
        }
        try (Connection c = Sql.connect()) {
            ContributionSums.rebuild(c, f.repository); // as the writers would have kept them
        }
        long id = open(f);
        admin().body(Map.of("contributor", f.no, "answer", "CONDITIONAL", "note", "<b>only</b> " + SCRIPT))
                .post(f.path() + "/" + id + "/answers").then().statusCode(201);
        admin().get(f.path() + "/" + id).then().body("contributors[0].contributor", equalTo(hostile));

        String svg = admin().get(f.path() + "/" + id + "/progress.svg").then().statusCode(200)
                .contentType(containsString("image/svg+xml")).extract().asString();
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\""), svg);
        assertTrue(svg.contains("Largest without an answer: &lt;script&gt;alert(1)&lt;/script&gt;@evil.example"), svg);
        assertFalse(svg.contains(SCRIPT), svg);
        assertTrue(svg.contains("data-measure=\"people\""), svg);

        WebClient maintainer = WebClient.signIn(f.person("maint", "maintain"));
        String html = maintainer.request().get("/repos/" + f.repository + "/campaigns/" + id).then().statusCode(200)
                .extract().asString();
        assertFalse(html.contains(SCRIPT) || html.contains("<b>only</b>"), html);
        assertTrue(html.contains("&lt;b&gt;only&lt;/b&gt; &lt;script&gt;"), html);
        assertTrue(html.contains("data-contributor=\"&lt;script&gt;alert(1)&lt;/script&gt;@evil.example\""), html);
    }

    private static long open(CampaignFixture f) {
        return admin().body(Map.of("to", "Apache-2.0")).post(f.path()).then().statusCode(201).extract().jsonPath()
                .getLong("id");
    }
}
