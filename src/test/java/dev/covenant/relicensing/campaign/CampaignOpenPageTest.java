package dev.covenant.relicensing.campaign;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.web.WebClient;

/** The relicensing page's form that opens a campaign: maintainers only, with the session's token, once per target. */
@QuarkusTest
class CampaignOpenPageTest {

    private static Response open(WebClient client, String csrf, String repository, String to) {
        var request = client.request().contentType("application/x-www-form-urlencoded").formParam("to", to);
        if (csrf != null) {
            request.formParam("_csrf", csrf);
        }
        return request.post("/repos/" + repository + "/campaigns");
    }

    @Test
    void aMaintainerOpensOneCampaignPerTargetAndIsTakenToIt() throws Exception {
        CampaignFixture f = new CampaignFixture();
        WebClient maintainer = WebClient.signIn(f.person("maint", "maintain"));
        String csrf = maintainer.csrf();

        Response opened = open(maintainer, csrf, f.repository, "Apache-2.0");
        assertEquals(303, opened.statusCode(), opened.asString());
        String dashboard = opened.getHeader("Location");
        assertTrue(dashboard.matches(".*/repos/" + f.repository + "/campaigns/\\d+"), dashboard);
        // The same target again, spelt otherwise: the open campaign, not a second one.
        assertEquals(dashboard, open(maintainer, csrf, f.repository, "apache-2.0").getHeader("Location"));
        assertEquals("1", Sql.text("SELECT count(*) FROM consent_campaign WHERE repository = ?", f.repository));
        maintainer.request().get(dashboard.substring(dashboard.indexOf("/repos/"))).then().statusCode(200);
    }

    @Test
    void noTokenAStrangerOrABadTargetOpensNothing() throws Exception {
        CampaignFixture f = new CampaignFixture();
        WebClient maintainer = WebClient.signIn(f.person("maint", "maintain"));
        WebClient writer = WebClient.signIn(f.person("writer", "write"));
        assertEquals(403, open(maintainer, null, f.repository, "Apache-2.0").statusCode());
        assertEquals(403, open(maintainer, "forged", f.repository, "Apache-2.0").statusCode());
        assertEquals(403, open(writer, writer.csrf(), f.repository, "Apache-2.0").statusCode());
        Response bad = open(maintainer, maintainer.csrf(), f.repository, "Apache-2.O");
        assertEquals(400, bad.statusCode());
        assertTrue(bad.asString().contains("Apache-2.0"), () -> "the closest ids are named: " + bad.asString());
        assertEquals("0", Sql.text("SELECT count(*) FROM consent_campaign WHERE repository = ?", f.repository));
    }
}
