package dev.covenant.relicensing.campaign;

import static dev.covenant.Api.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.web.WebClient;

/**
 * The personal export is complete: every signature with its form answers, IP address and user agent, every consent
 * answer, every approval-list line that names the person, and the ledger entries of each; only for the person
 * themselves and admins.
 */
@QuarkusTest
class PersonalExportTest {

    @Test
    void theExportHoldsEverySignatureConsentAndApprovalWithTheirLedgerEntries() throws Exception {
        CampaignFixture f = new CampaignFixture();
        long campaign = admin().body(Map.of("to", "Apache-2.0")).post(f.path()).then().statusCode(201).extract()
                .jsonPath().getLong("id");
        WebClient person = WebClient.signIn(f.yes);
        String csrf = person.csrf();
        person.request().header("User-Agent", "ExportTest/1.0").contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", csrf).formParam("version", "1.0.0")
                .formParam("sha256", Sql.text("SELECT v.sha256 FROM agreement_version v JOIN agreement a"
                        + " ON a.id = v.agreement_id WHERE a.slug = 'individual'"))
                .formParam("name", "Yes Person").formParam("email", CampaignFixture.email(f.yes))
                .post("/agreements/individual/sign").then().statusCode(303);
        CampaignApiTest.answerOnThePage(person, campaign, csrf, "YES", "gladly").then().statusCode(303);

        WebClient manager = WebClient.signIn(f.person("mgr", null));
        String company = manager.signCorporate("Export Corp " + f.n);
        manager.approve(company, "GITHUB_USER", f.yes).then().statusCode(303);
        manager.approve(company, "EMAIL", CampaignFixture.email(f.yes)).then().statusCode(303);
        manager.approve(company, "EMAIL", "someone-else-" + f.n + "@example.org").then().statusCode(303);
        manager.removeApprovals(company, "GITHUB_USER", f.yes);

        JsonPath export = person.request().get("/me/export.json").then().statusCode(200).extract().jsonPath();
        assertEquals(f.yes, export.getString("login"));
        List<Map<String, Object>> signatures = export.getList("signatures");
        assertEquals(1, signatures.size(), signatures::toString);
        assertEquals("Yes Person", export.getString("signatures[0].fields.name"));
        assertEquals("ExportTest/1.0", export.getString("signatures[0].userAgent"));
        assertNotNull(export.getString("signatures[0].ip"), "the address it was signed from");
        assertEquals(List.of("signature.signed"), export.getList("signatures[0].ledgerEntries.kind"));
        assertTrue(export.getString("signatures[0].ledgerEntries[0].hash").matches("[0-9a-f]{64}"));
        assertEquals(export.getString("signatures[0].signature"),
                export.getString("signatures[0].ledgerEntries[0].event.signature"), "the entry is this signature's");

        assertEquals(List.of("YES"), export.getList("consentAnswers.answer"));
        assertEquals("gladly", export.getString("consentAnswers[0].note"));
        assertEquals(f.repository, export.getString("consentAnswers[0].repository"));
        assertEquals(1, export.getList("consentAnswers[0].ledgerEntries").size());
        assertEquals(Sql.text("SELECT ledger_seq FROM consent WHERE campaign_id = ?", campaign),
                export.getString("consentAnswers[0].ledgerEntries[0].seq"));

        assertEquals(List.of("GITHUB_USER", "EMAIL"), export.getList("approvalsNamingYou.kind"),
                "the lines naming them, and not the other address");
        assertEquals("Export Corp " + f.n, export.getString("approvalsNamingYou[0].company"));
        assertNotNull(export.getString("approvalsNamingYou[0].removedAt"));
        assertEquals(2, export.getList("approvalsNamingYou[0].ledgerEntries").size(), "added, then removed");
        assertEquals(1, export.getList("approvalsNamingYou[1].ledgerEntries").size());

        long githubId = Long.parseLong(Sql.text("SELECT github_id FROM person WHERE login = ?", f.yes));
        admin().get("/api/people/" + githubId + "/export").then().statusCode(200).body("login", equalTo(f.yes))
                .body("consentAnswers[0].answer", equalTo("YES"));
        manager.request().get("/api/people/" + githubId + "/export").then().statusCode(403);
        given().get("/api/people/" + githubId + "/export").then().statusCode(401);
        admin().get("/api/people/not-a-number/export").then().statusCode(400)
                .contentType("application/problem+json").body(org.hamcrest.Matchers.containsString("githubId"));
        admin().get("/api/people/1/export").then().statusCode(404);
    }
}
