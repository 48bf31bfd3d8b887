package dev.covenant.relicensing.campaign;

import static dev.covenant.Api.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.web.WebClient;

/** Closing a campaign from its dashboard asks first; the first click (a GET) changes nothing. */
@QuarkusTest
class CloseConfirmationTest {

    @Test
    void closingACampaignAsksFirstAndTheFirstClickChangesNothing() throws Exception {
        CampaignFixture f = new CampaignFixture();
        long id = admin().body(Map.of("to", "Apache-2.0")).post(f.path()).then().statusCode(201).extract()
                .jsonPath().getLong("id");
        String dashboard = "/repos/" + f.repository + "/campaigns/" + id;
        WebClient maintainer = WebClient.signIn(f.person("maint", "maintain"));

        String page = maintainer.request().get(dashboard).then().statusCode(200).extract().asString();
        assertTrue(page.contains("href=\"" + dashboard + "/close\""), page);
        assertFalse(page.contains("action=\"" + dashboard + "/close\""), "no form closes from the dashboard");

        String confirm = maintainer.request().get(dashboard + "/close").then().statusCode(200).extract().asString();
        assertTrue(confirm.contains("cannot be opened again"), confirm);
        assertTrue(confirm.contains("method=\"post\" action=\"" + dashboard + "/close\""), confirm);
        assertEquals("OPEN", Sql.text("SELECT state FROM consent_campaign WHERE id = ?", id),
                "opening the confirmation closes nothing");
        WebClient.signIn(f.person("writer", "write")).request().get(dashboard + "/close").then().statusCode(403);

        maintainer.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", maintainer.csrf())
                .post(dashboard + "/close").then().statusCode(303);
        assertEquals("CLOSED", Sql.text("SELECT state FROM consent_campaign WHERE id = ?", id));
        String after = maintainer.request().get(dashboard + "/close").then().statusCode(200).extract().asString();
        assertTrue(after.contains("already closed"), after);
        assertFalse(after.contains("id=\"confirm\""), after);
    }
}
