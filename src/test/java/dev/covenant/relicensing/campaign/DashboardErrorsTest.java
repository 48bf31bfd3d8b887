package dev.covenant.relicensing.campaign;

import static dev.covenant.Api.admin;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.web.WebClient;

/** An answer the dashboard refuses is summarised at the top in words, linking to its field, without field ids. */
@QuarkusTest
class DashboardErrorsTest {

    @Test
    void aRefusedAnswerIsSummarisedInWordsWithALinkToItsField() throws Exception {
        CampaignFixture f = new CampaignFixture();
        long id = admin().body(Map.of("to", "Apache-2.0")).post(f.path()).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        WebClient maintainer = WebClient.signIn(f.person("maint", "maintain"));
        String page = maintainer.request().contentType("application/x-www-form-urlencoded")
                .formParam("_csrf", maintainer.csrf()).formParam("contributor", f.yes).formParam("answer", "YES")
                .formParam("note", "").formParam("evidenceUrl", "")
                .post("/repos/" + f.repository + "/campaigns/" + id + "/answers").then().statusCode(400).extract()
                .asString();
        assertThat(page, containsString("id=\"error-summary\" role=\"alert\" tabindex=\"-1\" autofocus"));
        assertThat(page, containsString("<a href=\"#evidenceUrl\">Evidence URL is required for a consent a"
                + " maintainer records"));
        assertThat(page, not(containsString("evidenceUrl: ")));
        assertThat(page, containsString("id=\"evidenceUrl-error\">Evidence URL is required for a consent"));
        assertThat(page, containsString("value=\"" + f.yes + "\""));
    }
}
