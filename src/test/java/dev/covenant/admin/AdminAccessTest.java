package dev.covenant.admin;

import static dev.covenant.admin.AdminPagesTestSupport.adminAccount;
import static dev.covenant.admin.AdminPagesTestSupport.owner;
import static dev.covenant.admin.AdminPagesTestSupport.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Api;
import dev.covenant.Sql;
import dev.covenant.checks.InstalledRepositories;
import dev.covenant.github.FakeRepo;
import dev.covenant.web.WebClient;

/**
 * Who may use the administration pages: a person signed in under a login of {@code COVENANT_ADMINS} (any case),
 * a repository's maintainers for that repository's page only, and nobody else; every form needs the session's token.
 */
@QuarkusTest
class AdminAccessTest {

    private static final List<String> ADMIN_PAGES = List.of("/admin/agreements", "/admin/projects",
            "/admin/deliveries", "/admin/ledger", "/admin/agreements/individual/publish",
            "/admin/agreements/individual/signatures");
    private static final String FORM = "application/x-www-form-urlencoded";

    @Test
    void aListedLoginInAnyCaseGetsEveryPageAndTheAdminApi() {
        WebClient admin = WebClient.signIn(adminAccount());
        for (String page : ADMIN_PAGES) {
            admin.request().get(page).then().statusCode(200).contentType(startsWith("text/html"));
        }
        admin.request().get("/admin").then().statusCode(200).body(containsString("href=\"/admin/projects\""));
        admin.request().get("/me").then().statusCode(200).body(containsString("<a href=\"/admin\">Administration</a>"));
        // The role is the admin token's: the JSON API answers the session too (changes need its token, below).
        admin.request().get("/api/projects").then().statusCode(200);
    }

    @Test
    void anyoneElseSignedInIsRefusedWithThePageThatSaysWhoMay() {
        WebClient other = WebClient.signIn(user("other"));
        for (String page : ADMIN_PAGES) {
            other.request().get(page).then().statusCode(403)
                    .body(containsString("Only the people who run this Covenant may do this."));
        }
        other.request().get("/admin").then().statusCode(200).body(containsString("id=\"not-admin\""))
                .body(not(containsString("href=\"/admin/projects\"")));
        other.request().get("/me").then().statusCode(200).body(not(containsString(">Administration</a>")));
        String owner = owner();
        other.request().contentType(FORM).formParam("_csrf", other.csrf()).formParam("scope", owner)
                .formParam("agreement", "individual").post("/admin/projects").then().statusCode(403);
        assertEquals("0", Sql.textUnchecked("SELECT count(*) FROM project WHERE owner = ?", owner));
        other.request().get("/api/projects").then().statusCode(403);
    }

    @Test
    void nobodySignedInIsSentToSignIn() {
        given().redirects().follow(false).get("/admin").then().statusCode(303)
                .header("Location", containsString("/login?next=/admin"));
        given().redirects().follow(false).get("/admin/projects").then().statusCode(401)
                .body(containsString("Sign in with GitHub"));
    }

    @Test
    void aMaintainerUsesTheirRepositorysPageAndNoOther() {
        FakeRepo repo = InstalledRepositories.installed("\"licenses\":[{\"from\":\"2000-01-01\",\"spdx\":\"MIT\"}]");
        String maintainer = user("maint");
        String writer = user("writer");
        repo.setPermission(maintainer, "maintain");
        repo.setPermission(writer, "write");
        WebClient client = WebClient.signIn(maintainer);
        String page = "/admin/repos/" + repo.fullName();
        client.request().get(page).then().statusCode(200).body(containsString("Consent campaigns"))
                .body(containsString("id=\"settings-form\""));
        client.request().contentType(FORM).formParam("_csrf", client.csrf()).formParam("accepts", "LATEST_MAJOR")
                .formParam("allowlist", "*[bot]\nrelease-robot").post(page + "/settings").then().statusCode(303);
        assertEquals("*[bot]\nrelease-robot", Sql.textUnchecked(
                "SELECT allowlist FROM project WHERE lower(owner || '/' || repo) = lower(?)", repo.fullName()));
        client.request().contentType(FORM).formParam("_csrf", client.csrf()).formParam("accepts", "SINCE")
                .formParam("acceptsSince", "one").post(page + "/settings").then().statusCode(400)
                .body(containsString("id=\"acceptsSince-error\""));

        client.request().get(page + "-other").then().statusCode(403)
                .body(containsString("Only the maintainers of " + repo.fullName().split("/")[0]));
        for (String admin : ADMIN_PAGES) {
            client.request().get(admin).then().statusCode(403);
        }
        WebClient.signIn(writer).request().get(page).then().statusCode(403);
        WebClient.signIn(adminAccount()).request().get(page).then().statusCode(200);
        Api.admin().get(page).then().statusCode(200);
    }

    @Test
    void theRepositoryFormSaysWhatIsWrongBesideItsFieldAndKeepsWhatWasTyped() {
        WebClient client = WebClient.signIn(user("lost"));
        String page = client.request().queryParam("repository", "just-an-owner").get("/admin/repos").then()
                .statusCode(400).extract().asString();
        assertTrue(page.contains("id=\"error-summary\""), page);
        assertTrue(page.contains("<a href=\"#repository\">Repository: Type the repository as owner/name"), page);
        assertTrue(page.contains("id=\"repository-error\">Type the repository as owner/name"), page);
        assertTrue(page.contains("value=\"just-an-owner\""), "what was typed is kept");
        client.request().queryParam("repository", "octo-org/widget").get("/admin/repos").then().statusCode(303)
                .header("Location", containsString("/admin/repos/octo-org/widget"));
    }

    @Test
    void aFormWithoutTheSessionsTokenChangesNothing() {
        WebClient admin = WebClient.signIn(adminAccount());
        String owner = owner();
        admin.request().contentType(FORM).formParam("scope", owner).formParam("agreement", "individual")
                .post("/admin/projects").then().statusCode(403).body(containsString("This form has expired"));
        admin.request().contentType(FORM).formParam("_csrf", "forged").formParam("scope", owner)
                .formParam("agreement", "individual").post("/admin/projects").then().statusCode(403);
        assertEquals("0", Sql.textUnchecked("SELECT count(*) FROM project WHERE owner = ?", owner));
        admin.request().contentType(FORM).formParam("_csrf", admin.csrf()).formParam("scope", owner)
                .formParam("agreement", "individual").post("/admin/projects").then().statusCode(303)
                .header("Location", containsString("/admin/projects?linked=" + owner));
        assertEquals("1", Sql.textUnchecked("SELECT count(*) FROM project WHERE owner = ?", owner));
    }
}
