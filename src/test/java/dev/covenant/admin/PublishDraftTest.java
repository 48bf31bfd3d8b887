package dev.covenant.admin;

import static dev.covenant.admin.AdminPagesTestSupport.adminAccount;
import static dev.covenant.admin.AdminPagesTestSupport.user;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.web.FormDrafts;
import dev.covenant.web.WebClient;

/**
 * A version written on the publish page and sent after the admin's session ended: nothing is published, and after
 * signing in again the page holds the whole text as written, kept over a few cookies of the admin's own browser.
 */
@QuarkusTest
class PublishDraftTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void aWholeAgreementWrittenAfterTheSessionEndedComesBackAfterSigningIn() throws Exception {
        String slug = AdminPagesTestSupport.agreement("# Terms\n\nYou grant a license.\n");
        // A whole agreement: more than one cookie holds.
        String text = Files.readString(Path.of("templates/agreements/individual.md")) + "\nA new <last> clause.\n";
        String publish = "/admin/agreements/" + slug + "/publish";
        Response answer = given().redirects().follow(false).contentType(FORM).formParam("step", "preview")
                .formParam("bump", "MAJOR").formParam("version", "").formParam("text", text).post(publish);
        assertEquals(401, answer.statusCode(), answer.asString());
        assertTrue(answer.asString().contains("what you typed is kept"));
        Map<String, String> kept = new LinkedHashMap<>();
        answer.getDetailedCookies().asList().stream().filter(c -> c.getName().startsWith(FormDrafts.COOKIE))
                .filter(c -> c.getMaxAge() > 0).forEach(c -> kept.put(c.getName(), c.getValue()));
        assertTrue(kept.size() > 1, "the text needs more than one cookie: " + kept.keySet());
        kept.values().forEach(v -> assertTrue(v.length() < 4000, "each cookie fits a browser's 4 KB"));
        assertEquals("1.0.0", versions(slug), "nothing is published");

        WebClient admin = WebClient.signIn(adminAccount());
        Response page = admin.request().cookies(kept).get(publish);
        assertEquals(200, page.statusCode(), page.asString());
        String html = page.asString();
        assertTrue(html.contains("A new &lt;last&gt; clause."), "the text as written");
        assertTrue(html.contains("value=\"MAJOR\" checked"), "the major change as chosen");
        assertEquals(0, page.getDetailedCookie(FormDrafts.COOKIE).getMaxAge(), "forgotten once shown");
        assertTrue(!admin.request().get(publish).asString().contains("A new &lt;last&gt; clause."));

        // Open to the signed-out only to keep their draft: a signed-in person who is no admin is refused.
        WebClient other = WebClient.signIn(user("notadmin"));
        other.request().contentType(FORM).formParam("_csrf", other.csrf()).formParam("step", "publish")
                .formParam("bump", "MINOR").formParam("text", "# Terms\n\nMine now.\n").post(publish).then()
                .statusCode(403);
        assertEquals("1.0.0", versions(slug));
    }

    private static String versions(String slug) {
        return Sql.textUnchecked("SELECT string_agg(v.version, ',' ORDER BY v.id) FROM agreement_version v"
                + " JOIN agreement a ON a.id = v.agreement_id WHERE a.slug = ?", slug);
    }
}
