package dev.covenant.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.covenant.Await;
import dev.covenant.Sql;

/** Demo mode through HTTP: the stand-in, the pull-request form and its JSON, the sign-in form's checks. */
@QuarkusTest
@TestProfile(DemoProfile.class)
class DemoModeTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([0-9a-f]{32})\"");

    @Test
    void everyPageSaysDemo() {
        given().get("/").then().statusCode(200).body(containsString("<strong>Demo</strong>"));
        given().get("/demo/pull-requests").then().statusCode(200).body(containsString("<strong>Demo</strong>"));
    }

    @Test
    void signInLeadsToTheDemoFormThroughTheStandIn() {
        Response login = given().redirects().follow(false).get("/login?next=/me");
        assertEquals(303, login.statusCode());
        String authorize = login.header("Location");
        assertTrue(authorize.contains("/demo/github/login/oauth/authorize?"), authorize);
        Response standIn = given().redirects().follow(false).get(authorize);
        assertEquals(302, standIn.statusCode());
        assertTrue(standIn.header("Location").startsWith("/demo/login?state="), standIn.header("Location"));
    }

    @Test
    void aNameThatIsNoUserNameIsRefusedBesideTheField() {
        Form form = form("/demo/login?state=abc");
        given().cookie(DemoForms.COOKIE, form.cookie()).formParam("_csrf", form.token()).formParam("state", "abc")
                .formParam("login", "-alice").redirects().follow(false).post("/demo/login").then().statusCode(400)
                .body(containsString("id=\"login-error\">A user name cannot begin or end with a hyphen."));
        given().formParam("state", "abc").formParam("login", "alice").redirects().follow(false).post("/demo/login")
                .then().statusCode(403);
    }

    @Test
    void anUnsignedAuthorFailsTheCheckAndTheJsonSaysSo() throws Exception {
        Form form = form("/demo/pull-requests");
        String author = "dana" + (System.nanoTime() % 100_000);
        Response opened = given().cookie(DemoForms.COOKIE, form.cookie()).formParam("_csrf", form.token())
                .formParam("author", author).formParam("coAuthors", " erin , ").redirects().follow(false)
                .post("/demo/pull-requests");
        assertEquals(303, opened.statusCode(), opened.asString());
        String location = opened.header("Location");
        assertTrue(location.matches(".*/demo/pull-requests/\\d+"), location);
        int number = Integer.parseInt(location.substring(location.lastIndexOf('/') + 1));

        JsonPath json = Await.until("the check of demo pull request " + number, Duration.ofSeconds(30),
                () -> given().get("/demo/pull-requests/" + number + ".json").then().statusCode(200).extract()
                        .jsonPath(),
                j -> "completed".equals(j.getString("check.status")) && j.getString("comment") != null);
        assertEquals(number, json.getInt("number"));
        assertEquals(List.of("check", "comment", "number"),
                json.getMap("").keySet().stream().sorted().toList());
        assertEquals(List.of("conclusion", "status", "summary"),
                json.getMap("check").keySet().stream().sorted().toList());
        assertNotEquals("success", json.getString("check.conclusion"));
        assertTrue(json.getString("comment").contains(author), json.getString("comment"));
        assertTrue(json.getString("check.summary").contains("erin"), json.getString("check.summary"));

        // The delivery went through the real inbox: it is recorded, signed and done.
        assertEquals("DONE", Sql.text("SELECT state FROM delivery WHERE event = 'pull_request'"
                + " AND repository = 'demo/widget' ORDER BY received_at DESC LIMIT 1"));

        given().get("/demo/pull-requests/" + number).then().statusCode(200)
                .body(containsString("Demo pull request #" + number))
                .body(containsString("<script src=\"/demo-pull-request.js\""));
    }

    @Test
    void badInputIsA400NamingTheFieldOrWordsBesideIt() {
        Form form = form("/demo/pull-requests");
        given().cookie(DemoForms.COOKIE, form.cookie()).formParam("_csrf", form.token()).formParam("author", "ok")
                .formParam("coAuthors", "bob, not a name").accept("application/json").post("/demo/pull-requests")
                .then().statusCode(400).contentType(startsWith("application/problem+json"))
                .body("field", equalTo("coAuthors"));
        given().cookie(DemoForms.COOKIE, form.cookie()).formParam("_csrf", form.token()).formParam("author", "")
                .post("/demo/pull-requests").then().statusCode(400)
                .body(containsString("id=\"author-error\">Enter a user name, for example alice."));
    }

    @Test
    void anUnknownPullRequestIs404() {
        given().get("/demo/pull-requests/987654.json").then().statusCode(404)
                .contentType(startsWith("application/problem+json"));
        given().get("/demo/pull-requests/987654").then().statusCode(404);
    }

    @Test
    void theStandInRefusesCallsWithoutGitHubCredentials() {
        given().get("/demo/github/api/repos/demo/widget/pulls/1").then().statusCode(401)
                .body("message", equalTo("Bad credentials"));
        given().header("Authorization", "Bearer not.a.jwt").get("/demo/github/api/app").then().statusCode(401);
    }

    @Test
    void theDemoProjectIsSeededOnce() throws Exception {
        assertEquals("1", Sql.text("SELECT count(*)::text FROM project WHERE owner = 'demo' AND repo = 'widget'"));
        assertEquals("2", Sql.text("SELECT count(*)::text FROM project_license l JOIN project p ON p.id = l.project_id"
                + " WHERE p.owner = 'demo' AND p.repo = 'widget'"));
        assertNotNull(Sql.text("SELECT full_name FROM installation_repository WHERE full_name = 'demo/widget'"));
        Await.until("the demo history import", Duration.ofSeconds(60), () -> {
            try {
                return "DONE".equals(Sql.text("SELECT j.state FROM history_import h JOIN job j ON j.id = h.job_id"
                        + " WHERE h.repository = 'demo/widget' ORDER BY h.id DESC LIMIT 1"));
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        });
        assertEquals("3000", Sql.text("SELECT commits_added::text FROM history_import"
                + " WHERE repository = 'demo/widget' ORDER BY id DESC LIMIT 1"));
        // Seeding again (a restart, a second instance) adds nothing.
        io.quarkus.arc.Arc.container().instance(DemoSeed.class).get().seed();
        assertEquals("1", Sql.text("SELECT count(*)::text FROM history_import WHERE repository = 'demo/widget'"));
        assertEquals("1", Sql.text("SELECT count(*)::text FROM project WHERE owner = 'demo' AND repo = 'widget'"));
    }

    private record Form(String cookie, String token) {
    }

    /** A form page's anonymous token, with the cookie it must come back with. */
    private static Form form(String path) {
        Response page = given().get(path);
        assertEquals(200, page.statusCode(), page.asString());
        Matcher m = TOKEN.matcher(page.asString());
        assertTrue(m.find(), "the form carries a token");
        assertEquals(m.group(1), page.cookie(DemoForms.COOKIE));
        return new Form(page.cookie(DemoForms.COOKIE), m.group(1));
    }
}
