package dev.covenant.relicensing.campaign;

import static dev.covenant.Api.admin;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.api.Sha256;
import dev.covenant.web.WebClient;

/** A campaign from opening to its evidence bundle, through the JSON API and a contributor's consent page. */
@QuarkusTest
class CampaignApiTest {

    @Test
    void aCampaignRunsFromOpeningToItsEvidenceBundle() throws Exception {
        CampaignFixture f = new CampaignFixture();
        Response opened = admin().body(Map.of("to", "Apache-2.0")).post(f.path());
        opened.then().statusCode(201).body("from", equalTo("MIT")).body("to", equalTo("Apache-2.0"))
                .body("state", equalTo("OPEN")).body("openedBy", equalTo("an admin token"));
        long id = opened.jsonPath().getLong("id");
        String campaign = f.path() + "/" + id;
        assertEquals(campaign, URI.create(opened.getHeader("Location")).getPath());
        admin().body(Map.of("to", "Apache-2.0 OR Apache-2.0")).post(f.path()).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("open already"));
        long other = admin().body(Map.of("to", "MPL-2.0", "from", "MIT")).post(f.path()).then().statusCode(201)
                .extract().jsonPath().getLong("id");
        admin().get(f.path()).then().statusCode(200).body("id", hasItems((int) id, (int) other));
        admin().get(f.path() + "/" + other + "/evidence").then().statusCode(404);

        JsonPath detail = admin().get(campaign).then().statusCode(200).extract().jsonPath();
        assertEquals(List.of(f.yes, f.no, f.conditional, "far" + f.n, f.nobody),
                detail.getList("contributors.contributor"),
                "everyone not GRANTED, heaviest first");
        assertEquals(List.of(6, 5, 4, 3, 2), detail.getList("contributors.commits"));
        assertEquals(List.of("Yes", "No", "Cond", "Far", "Nobody"), detail.getList("contributors.name"),
                "as git names them");
        assertEquals(List.of(60, 50, 40, 30, 20), detail.getList("contributors.linesAdded"));
        assertEquals(CampaignFixture.email(f.yes), contact(detail, f.yes), "the verified primary address");
        assertEquals(f.no, contact(detail, f.no), "the commit address");
        assertNull(contact(detail, "far" + f.n), "a no-reply address reaches nobody");
        assertEquals(1, detail.getInt("progress.totals.peopleCleared"));
        Response second = admin().queryParam("offset", 2).queryParam("limit", 2).get(campaign);
        second.then().statusCode(200).body("contributors.contributor", equalTo(List.of(f.conditional, "far" + f.n)))
                .body("page.total", equalTo(5)).body("progress.totals.peopleCleared", equalTo(1));
        String next = second.jsonPath().getString("page.next");
        assertEquals("<" + next + ">; rel=\"next\"", second.header("Link"));
        admin().get(next).then().statusCode(200).body("contributors.contributor", equalTo(List.of(f.nobody)))
                .body("page", not(hasKey("next")));
        admin().queryParam("limit", 10_001).get(campaign).then().statusCode(400).body("field", equalTo("limit"));

        admin().body(Map.of("contributor", f.yes.toUpperCase(), "answer", "YES", "evidenceUrl",
                "https://lists.example.org/yes")).post(campaign + "/answers").then().statusCode(201)
                .body("answer", equalTo("YES")).body("recordedAs", equalTo("MAINTAINER"));
        admin().body(Map.of("contributor", f.no, "answer", "NO", "note", "prefers the GPL"))
                .post(campaign + "/answers").then().statusCode(201);
        admin().body(Map.of("contributor", f.unreachable, "answer", "unreachable", "note", "mail bounced"))
                .post(campaign + "/answers").then().statusCode(201);

        WebClient contributor = WebClient.signIn(f.conditional);
        String page = contributor.request().get("/consent/" + id).then().statusCode(200).extract().asString();
        assertTrue(page.contains("<strong>4</strong> commits"), page);
        String csrf = contributor.csrf();
        answerOnThePage(contributor, id, csrf, "YES", "").then().statusCode(303);
        answerOnThePage(contributor, id, csrf, "CONDITIONAL", "Only if the docs stay CC-BY").then().statusCode(303);
        assertEquals("2", Sql.text("SELECT count(*) FROM consent WHERE campaign_id = ? AND recorded_as = 'SELF'", id),
                "every answer is kept");

        JsonPath report = admin().queryParam("to", "Apache-2.0").get("/api/repos/" + f.repository + "/relicensing")
                .then().statusCode(200).extract().jsonPath();
        Map<String, String> statuses = statuses(report);
        assertEquals(Map.of(f.granted, "GRANTED", f.yes, "CONSENTED", f.no, "DECLINED", f.conditional, "CONDITIONAL",
                "far" + f.n, "UNREACHABLE", f.nobody, "UNKNOWN_IDENTITY"), statuses);
        assertThat(report.getString("contributors.find { it.contributor == '" + f.conditional + "' }.reason"),
                containsString("Only if the docs stay CC-BY"));
        assertEquals(6, report.getInt("totals.people"));
        assertEquals(2, report.getInt("totals.peopleCleared"));
        assertEquals(20, report.getInt("totals.commits"));
        assertEquals(6, report.getInt("totals.commitsCleared"), "granted's 1 and yes's 5; nobody co-authored the 6th");
        assertEquals(200, report.getInt("totals.linesAdded"));
        assertEquals(60, report.getInt("totals.linesCleared"));
        assertEquals(6, report.getInt("contributors.find { it.contributor == '" + f.yes + "' }.commitsCleared"));
        assertEquals("NO_AGREEMENT", statuses(admin().queryParam("to", "MPL-2.0")
                .get("/api/repos/" + f.repository + "/relicensing").then().extract().jsonPath()).get(f.yes),
                "answers count only for their campaign's target");

        assertEquals("5", Sql.text("SELECT count(*) FROM ledger_entry WHERE kind = 'consent.answered'"
                + " AND (event::jsonb ->> 'campaign')::bigint = ?", id));
        String answered = Sql.text("SELECT event FROM ledger_entry WHERE kind = 'consent.answered'"
                + " AND (event::jsonb ->> 'campaign')::bigint = ? ORDER BY seq LIMIT 1", id);
        JsonPath event = JsonPath.from(answered);
        assertEquals(f.repository, event.getString("repository"));
        assertEquals("MIT", event.getString("from"));
        assertEquals("Apache-2.0", event.getString("to"));
        assertEquals(f.yes, event.getString("contributor.login"));
        assertEquals("https://lists.example.org/yes", event.getString("evidenceUrl"));
        assertEquals("MAINTAINER", event.getString("recordedBy.as"));

        Response closed = admin().post(campaign + "/close");
        closed.then().statusCode(200).contentType(containsString("application/json"));
        String bundle = closed.asString();
        assertEquals(bundle, admin().get(campaign + "/evidence").then().statusCode(200).extract().asString());
        String sha = Sha256.hex(bundle);
        assertEquals(sha, Sql.text("SELECT evidence_sha256 FROM consent_campaign WHERE id = ?", id));
        JsonPath closing = JsonPath.from(Sql.text("SELECT e.event FROM consent_campaign c JOIN ledger_entry e"
                + " ON e.seq = c.close_ledger_seq WHERE c.id = ?", id));
        assertEquals(sha, closing.getString("evidenceSha256"));
        assertEquals("campaign.closed", Sql.text("SELECT e.kind FROM consent_campaign c JOIN ledger_entry e"
                + " ON e.seq = c.close_ledger_seq WHERE c.id = ?", id));

        JsonPath evidence = JsonPath.from(bundle);
        assertEquals(id, evidence.getLong("campaign.id"));
        assertEquals(6, evidence.getList("contributors").size());
        assertEquals(statuses, statuses(evidence));
        assertEquals(Sql.text("SELECT s.id::text FROM signature s JOIN person p ON p.github_id = s.github_id"
                + " WHERE p.login = ?", f.granted), evidence.getString(
                        "contributors.find { it.contributor == '" + f.granted + "' }.grant.id"));
        String yesHash = evidence
                .getString("contributors.find { it.contributor == '" + f.yes + "' }.consent.ledgerHash");
        assertEquals(Sql.text("SELECT e.hash FROM consent k JOIN ledger_entry e ON e.seq = k.ledger_seq"
                + " JOIN person p ON p.github_id = k.github_id WHERE k.campaign_id = ? AND p.login = ?", id, f.yes),
                yesHash);
        assertEquals("CONDITIONAL", evidence.getString(
                "contributors.find { it.contributor == '" + f.conditional + "' }.consent.answer"));
        assertEquals(6, evidence.getInt("totals.commitsCleared"));
        assertEquals(closing.getString("ledgerHeadHash"), evidence.getString("ledgerHead.hash"));
        assertEquals(
                Sql.text("SELECT prev_hash FROM ledger_entry e JOIN consent_campaign c ON c.close_ledger_seq = e.seq"
                        + " WHERE c.id = ?", id),
                evidence.getString("ledgerHead.hash"), "nothing came between");

        admin().body(Map.of("contributor", f.nobody, "answer", "NO", "note", "late")).post(campaign + "/answers").then()
                .statusCode(409);
        admin().post(campaign + "/close").then().statusCode(409);
        answerOnThePage(contributor, id, csrf, "NO", "").then().statusCode(409);
        String after = contributor.request().get("/consent/" + id).then().statusCode(200).extract().asString();
        assertTrue(after.contains("Only if the docs stay CC-BY") && after.contains("is final"), after);
        assertFalse(after.contains("name=\"answer\""), "no form on a closed campaign");
        admin().get("/api/ledger/verify").then().statusCode(200).body("intact", equalTo(true));
        admin().get(campaign).then().statusCode(200).body("campaign.state", equalTo("CLOSED"))
                .body("campaign.evidenceSha256", equalTo(sha));
    }

    @Test
    void badInputIsRefusedNamingTheField() throws Exception {
        CampaignFixture f = new CampaignFixture();
        admin().body(Map.of("to", "Apache-2")).post(f.path()).then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("to"))
                .body("errors[0].suggestions", hasItem("Apache-2.0"));
        admin().body(Map.of("to", "Apache-2.0", "from", "MTI")).post(f.path()).then().statusCode(400)
                .body("field", equalTo("from"));
        admin().body(Map.of()).post(f.path()).then().statusCode(400).body("field", equalTo("to"));
        admin().body("{\"to\": ").post(f.path()).then().statusCode(400).body("field", equalTo("body"));
        admin().body(Map.of("to", "Apache-2.0")).post("/api/repos/nobody-governs-" + f.n + "/x/campaigns").then()
                .statusCode(404);
        long id = admin().body(Map.of("to", "Apache-2.0")).post(f.path()).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        String answers = f.path() + "/" + id + "/answers";
        refused(answers, Map.of("contributor", f.no, "answer", "MAYBE"), "answer");
        refused(answers, Map.of("contributor", f.no), "answer");
        refused(answers, Map.of("contributor", f.no, "answer", "NO", "evidenceUrl", "javascript:alert(1)"),
                "evidenceUrl");
        refused(answers, Map.of("contributor", f.no, "answer", "NO", "evidenceUrl", "ftp://files.example/x"),
                "evidenceUrl");
        refused(answers, Map.of("contributor", f.no, "answer", "YES"), "evidenceUrl");
        refused(answers, Map.of("contributor", f.no, "answer", "CONDITIONAL", "evidenceUrl", "https://x.example/1"),
                "note");
        refused(answers, Map.of("contributor", f.no, "answer", "NO", "note", "x".repeat(2001)), "note");
        refused(answers, Map.of("contributor", "stranger-" + f.n, "answer", "NO"), "contributor");
        refused(answers, Map.of("contributor", "", "answer", "NO"), "contributor");
        admin().body(Map.of("contributor", f.no, "answer", "NO")).post(f.path() + "/999999999/answers").then()
                .statusCode(404);
        admin().get(f.path() + "/not-a-number").then().statusCode(404);
        assertEquals("0", Sql.text("SELECT count(*) FROM consent WHERE campaign_id = ?", id), "nothing was recorded");
        admin().get(f.path() + "/" + id).then().statusCode(200).body("contributors[0].answer", nullValue());
    }

    private static void refused(String path, Map<String, String> body, String field) {
        admin().body(body).post(path).then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItem(field));
    }

    static Response answerOnThePage(WebClient client, long id, String csrf, String answer, String note) {
        return client.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf)
                .formParam("answer", answer).formParam("note", note).post("/consent/" + id);
    }

    private static String contact(JsonPath detail, String contributor) {
        return detail.getString("contributors.find { it.contributor == '" + contributor + "' }.contactEmail");
    }

    private static Map<String, String> statuses(JsonPath report) {
        Map<String, String> statuses = new HashMap<>();
        List<Map<String, Object>> contributors = report.getList("contributors");
        contributors.forEach(c -> statuses.put((String) c.get("contributor"), (String) c.get("status")));
        return statuses;
    }
}
