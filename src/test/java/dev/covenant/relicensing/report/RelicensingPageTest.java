package dev.covenant.relicensing.report;

import static dev.covenant.Api.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.covenant.Await;
import dev.covenant.Sql;
import dev.covenant.checks.InstalledRepositories;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.github.FakeRepo;
import dev.covenant.relicensing.history.GitRepo;
import dev.covenant.relicensing.history.HistoryImportTest;
import dev.covenant.web.WebClient;

/**
 * The relicensing page through HTTP: who sees what (a visitor, a maintainer, a contributor, a stranger), the same
 * own-part rule on the API, escaping of what contributors and companies typed, the form's errors, and the import
 * form's CSRF and role checks.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RelicensingPageTest {

    private static final String SCRIPT = "<script>alert(1)</script>";
    private static final String ESCAPED_SCRIPT = "&lt;script&gt;alert(1)&lt;/script&gt;";

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String domain = "corp-" + run + ".example";
    final String odd = "o'brien&co-" + run + "@elsewhere.example";
    FakeRepo repo;
    String name;
    String maintainer;
    String writer;
    GitRepo git;

    /** Once per class; in @BeforeEach because RestAssured knows the test port only from then on. */
    @BeforeEach
    void buildRepositoryAndHistory() throws IOException {
        if (repo != null) {
            return;
        }
        repo = InstalledRepositories.installed("\"licenses\":[{\"from\":\"2000-01-01\",\"spdx\":\"MIT\"}]",
                "\"corporateAgreement\":\"corporate\"");
        name = repo.fullName().toLowerCase();
        maintainer = InstalledRepositories.user("maint");
        writer = InstalledRepositories.user("writer");
        repo.setPermission(maintainer, "maintain");
        repo.setPermission(writer, "write");
        WebClient signatory = WebClient.signIn(InstalledRepositories.user("cso"));
        String corporate = signatory.signCorporate(SCRIPT);
        signatory.approve(corporate, "DOMAIN", domain).then().statusCode(303);
        WebClient.signIn(writer); // so that Covenant knows writer@example.org is theirs

        git = new GitRepo();
        git.write("a.txt", "one\ntwo\n");
        git.commit("Person " + writer, writer + "@example.org", "First");
        git.write("b.txt", "three\n");
        git.commit("Dev", "dev@" + domain, "Second");
        git.write("a.txt", "one\ntwo\nfour\n");
        git.commit("Person " + writer, writer + "@example.org", "Third");
        git.write("c.txt", "five\nsix\nseven\n");
        git.commit("Mallory", odd, "Fourth");
        admin().contentType("text/plain").queryParam("wait", true)
                .body(git.git(HistoryImportTest.LOG_ARGS).getBytes(StandardCharsets.UTF_8))
                .post("/api/repos/" + name + "/history").then().statusCode(200).body("state", equalTo("DONE"));
    }

    private String pagePath(String query) {
        return "/repos/" + name + "/relicensing" + query;
    }

    private String api(String query) {
        return "/api/repos/" + name + "/relicensing" + query;
    }

    @Test
    void aVisitorIsAskedToSignInAndComesBackToThePage() {
        String body = given().redirects().follow(false).queryParam("to", "Apache-2.0 OR MIT").get(pagePath(""))
                .then().statusCode(200)
                .contentType(containsString("text/html")).extract().asString();
        String expected = "/login?next=" + "%2Frepos%2F" + name.replace("/", "%2F")
                + "%2Frelicensing%3Fto%3DApache-2.0%2520OR%2520MIT";
        assertTrue(body.contains("href=\"" + expected + "\""), body);
        assertFalse(body.contains(writer), "a visitor sees nobody's contributions");
        assertFalse(body.contains("id=\"contributors\""), body);

        // Sign-in keeps the page (with its target) as where to come back to, instead of falling back to /me.
        Response start = given().urlEncodingEnabled(false).redirects().follow(false).get(expected);
        start.then().statusCode(303);
        String cookie = start.getCookie("covenant_oauth");
        assertEquals(pagePath("?to=Apache-2.0%20OR%20MIT"),
                URLDecoder.decode(cookie.substring(cookie.indexOf('.') + 1), StandardCharsets.UTF_8));
    }

    @Test
    void aMaintainerSeesTheWholeReportWithItsTotalsAndTheImports() {
        WebClient client = WebClient.signIn(maintainer);
        String body = client.request().get(pagePath("?to=Apache-2.0")).then().statusCode(200).extract().asString();
        assertEquals(List.of("33.3%", "1 of 3"), totals(body, "people"));
        assertEquals(List.of("25.0%", "1 of 4"), totals(body, "commits"));
        assertEquals(List.of("14.3%", "1 of 7"), totals(body, "lines"));
        assertEquals(3, rows(body, "contributors").size(), body);
        // The campaign dashboard's chart, counting as the totals do: each person, commit and line once.
        assertThat(body, containsString("<div class=\"chart\" id=\"progress-chart\">"));
        for (String bar : List.of("people\">", "commits\">", "lines\">")) {
            String drawn = body.substring(body.indexOf("data-measure=\"" + bar));
            drawn = drawn.substring(0, drawn.indexOf("</g>"));
            String total = bar.startsWith("people") ? "1 of 3" : bar.startsWith("commits") ? "1 of 4" : "1 of 7";
            assertTrue(drawn.contains(total + " cleared"), bar + drawn);
        }
        String writerRow = row(body, writer);
        assertTrue(writerRow.contains("href=\"" + FakeGitHubResource.fake().webUrl().replaceAll("/+$", "") + "/"
                + writer + "\""), writerRow);
        assertTrue(writerRow.contains("NO_AGREEMENT") && writerRow.contains("<td class=\"num\">2</td>")
                && writerRow.contains("<td class=\"num\">3</td>"), writerRow);
        assertThat(row(body, "dev@" + domain), containsString("GRANTED"));
        assertThat(row(body, "UNKNOWN_IDENTITY"), containsString("o&#39;brien&amp;co-" + run));

        assertTrue(body.contains("href=\"/api/repos/" + name + "/relicensing?to=Apache-2.0&amp;format=csv\""), body);
        String download = client.request().get(api("?to=Apache-2.0&format=csv")).then().statusCode(200)
                .contentType(containsString("text/csv")).extract().asString();
        assertEquals(4, download.lines().count(), download);

        List<String> imports = rows(body, "import-list");
        assertFalse(imports.isEmpty(), body);
        assertTrue(
                imports.get(0).contains("DONE")
                        && imports.get(0).contains(">4</span> of <span data-field=\"commitsTotal\">4<"),
                imports.get(0));
        assertThat(body, containsString("id=\"import-form\""));
        assertFalse(body.contains("/relicensing/imports.js"), "nothing running, nothing to follow");
    }

    @Test
    void whatPeopleTypedIsEscaped() {
        WebClient client = WebClient.signIn(maintainer);
        String body = client.request().get(pagePath("?to=Apache-2.0")).then().statusCode(200).extract().asString();
        assertFalse(body.contains(SCRIPT), "the company name must not become markup");
        assertTrue(row(body, "dev@" + domain).contains("<span class=\"company\">" + ESCAPED_SCRIPT + "</span>"), body);
        assertFalse(body.contains("o'brien&co"), "the address is escaped");

        String refused = client.request().queryParam("to", SCRIPT).queryParam("at", "\"><b>x</b>")
                .get(pagePath("")).then().statusCode(400).extract().asString();
        assertFalse(refused.contains(SCRIPT) || refused.contains("<b>x</b>"), refused);
        assertTrue(refused.contains("value=\"" + ESCAPED_SCRIPT + "\""), refused);
    }

    @Test
    void aBadTargetOrDateShowsTheFieldsErrorWithTheClosestIds() {
        WebClient client = WebClient.signIn(maintainer);
        String body = client.request().get(pagePath("?to=Apache-2")).then().statusCode(400)
                .contentType(containsString("text/html")).extract().asString();
        assertTrue(body.contains("id=\"to-error\""), body);
        assertTrue(body.contains("<code class=\"suggestion\">Apache-2.0</code>"), body);
        assertThat("the typed value stays in the field", body, containsString("value=\"Apache-2\""));
        assertFalse(body.contains("id=\"contributors\""), body);

        String at = client.request().get(pagePath("?to=MIT&at=deadbeef")).then().statusCode(400).extract().asString();
        assertTrue(at.contains("id=\"at-error\"") && !at.contains("id=\"to-error\""), at);
        String missing = client.request().get(pagePath("?at=2020-01-01")).then().statusCode(400).extract().asString();
        assertTrue(missing.contains("id=\"to-error\""), missing);
        client.request().get(pagePath("")).then().statusCode(200).body(containsString("id=\"report-form\""))
                .body(not(containsString("id=\"contributors\"")));
    }

    @Test
    void aRepositoryNoProjectGovernsIsANotFoundPage() {
        WebClient client = WebClient.signIn(maintainer);
        client.request().get("/repos/nobody-" + run + "/nothing/relicensing?to=MIT").then().statusCode(404)
                .contentType(containsString("text/html")).body(containsString("No project on this Covenant governs"));
        client.request().get("/repos/-bad-/x/relicensing").then().statusCode(404)
                .contentType(containsString("text/html"));
        given().get("/repos/nobody-" + run + "/nothing/relicensing").then().statusCode(404);
    }

    @Test
    void aContributorSeesOnlyTheirOwnPartOnThePageAndThroughTheApi() {
        WebClient client = WebClient.signIn(writer);
        String body = client.request().get(pagePath("?to=Apache-2.0")).then().statusCode(200).extract().asString();
        assertTrue(body.contains("id=\"own-part-note\""), body);
        List<String> rows = rows(body, "contributors");
        assertEquals(1, rows.size(), body);
        assertTrue(rows.get(0).contains(writer + "@example.org") || rows.get(0).contains(">" + writer + "<"),
                rows.get(0));
        assertTrue(rows.get(0).contains("<span class=\"name\">Person " + writer + "</span>"), rows.get(0));
        for (String other : List.of("dev@" + domain, ESCAPED_SCRIPT, "brien", "id=\"totals\"", "id=\"imports\"",
                "id=\"import-form\"")) {
            assertFalse(body.contains(other), other + " is not for a contributor's eyes");
        }
        client.request().get(api("?to=Apache-2.0")).then().statusCode(200).body("$", not(hasKey("totals")))
                .body("contributors", hasSize(1)).body("contributors[0].login", equalTo(writer))
                .body("contributors[0].commits", equalTo(2));
        String csv = client.request().get(api("?to=Apache-2.0&format=csv")).then().statusCode(200).extract().asString();
        assertEquals(2, csv.lines().count(), csv);
        client.request().get(api("?to=Apache-2.0&at=0000000")).then().statusCode(400).body("field", equalTo("at"));
        client.request().get(api("?to=Apache-2.0&at=2999-01-01")).then().statusCode(200)
                .body("contributors", hasSize(1));

        WebClient stranger = WebClient.signIn(InstalledRepositories.user("stranger"));
        stranger.request().get(pagePath("?to=Apache-2.0")).then().statusCode(200)
                .body(containsString("id=\"no-contributors\"")).body(not(containsString(writer)));
        stranger.request().get(api("?to=Apache-2.0")).then().statusCode(200).body("contributors", empty())
                .body("$", not(hasKey("totals")));
    }

    @Test
    void theImportFormNeedsTheSessionsTokenAndTheMaintainerRole() throws Exception {
        WebClient client = WebClient.signIn(maintainer);
        String url = git.dir.toUri().toString();
        String before = imports();
        client.request().contentType("application/x-www-form-urlencoded").formParam("cloneUrl", url)
                .post(pagePath("/imports")).then().statusCode(403).contentType(containsString("text/html"));
        client.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", "forged")
                .formParam("cloneUrl", url).post(pagePath("/imports")).then().statusCode(403);
        WebClient other = WebClient.signIn(writer);
        other.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", other.csrf())
                .formParam("cloneUrl", url).post(pagePath("/imports")).then().statusCode(403);
        // Nobody signed in: asked to sign in (it was a 403 while each page checked by hand).
        given().redirects().follow(false).contentType("application/x-www-form-urlencoded").formParam("cloneUrl", url)
                .post(pagePath("/imports")).then().statusCode(401).contentType(containsString("text/html"))
                .body(containsString("href=\"/login?next="));
        assertEquals(before, imports(), "no refused post started an import");

        String csrf = client.csrf();
        String refused = client.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf)
                .formParam("cloneUrl", "file:/etc").formParam("to", "MIT").post(pagePath("/imports")).then()
                .statusCode(400).extract().asString();
        assertTrue(refused.contains("id=\"cloneUrl-error\"") && refused.contains("outside"), refused);
        assertTrue(refused.contains("value=\"file:/etc\""), refused);
        assertThat("the report for the kept target is still there", refused,
                containsString("id=\"contributors\""));
        assertEquals(before, imports());

        client.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf)
                .formParam("cloneUrl", url).formParam("to", "Apache-2.0 OR MIT").post(pagePath("/imports")).then()
                .statusCode(303).header("Location", endsWith(pagePath("?to=Apache-2.0%20OR%20MIT#imports")));
        assertEquals(Integer.parseInt(before) + 1, Integer.parseInt(imports()));
        String id = Sql.text("SELECT max(id) FROM history_import WHERE repository = ?", name);
        Await.until("the clone import to be DONE", Duration.ofSeconds(30),
                () -> Sql.textUnchecked("SELECT j.state || coalesce(': ' || j.error, '') FROM history_import h"
                        + " JOIN job j ON j.id = h.job_id WHERE h.id = ?::bigint", id),
                "DONE"::equals);
        assertEquals(url, Sql.text("SELECT clone_url FROM history_import WHERE id = ?::bigint", id));
    }

    @Test
    void whenGitHubCannotSayWhoMaintainsThePageSaysSo() {
        WebClient client = WebClient.signIn(maintainer);
        FakeGitHubResource.fake().setDown(true);
        try {
            client.request().get(pagePath("?to=MIT")).then().statusCode(503).contentType(containsString("text/html"))
                    .body(containsString("GitHub is not answering"));
        } finally {
            FakeGitHubResource.fake().setDown(false);
        }
    }

    private String imports() throws SQLException {
        return Sql.text("SELECT count(*) FROM history_import WHERE repository = ?", name);
    }

    /** The share and the count of a totals row. */
    /**
     * {@code ?trivialLines=2} on the page: the writer's two commits add 2 lines and 1 line (git log --numstat), so they
     * are cleared as trivial, while Mallory's 3 lines still block; a bad value is the field's error.
     */
    @Test
    void aMaintainerMayLeaveOutTrivialCommitsOnThePage() {
        WebClient client = WebClient.signIn(maintainer);
        String body = client.request().get(pagePath("?to=Apache-2.0&trivialLines=2")).then().statusCode(200).extract()
                .asString();
        assertEquals(List.of("75.0%", "3 of 4"), totals(body, "commits"));
        assertThat(row(body, writer), containsString("TRIVIAL"));
        assertThat(row(body, "UNKNOWN_IDENTITY"), containsString("o&#39;brien&amp;co-" + run));
        assertThat(body, containsString("Cleared as trivial, on request: 2 commits adding 3 lines."));
        // The form keeps the choice, and the CSV link asks for the same report.
        assertThat(body, containsString("name=\"trivialLines\" value=\"2\""));
        assertThat(body, containsString("relicensing?to=Apache-2.0&amp;trivialLines=2&amp;format=csv"));
        assertThat(client.request().get(pagePath("?to=Apache-2.0")).then().statusCode(200).extract().asString(),
                not(containsString("id=\"totals-trivial\"")));
        String bad = client.request().get(pagePath("?to=Apache-2.0&trivialLines=lots")).then().statusCode(400)
                .extract().asString();
        assertThat(bad,
                containsString("<div class=\"error\" id=\"trivialLines-error\">The limit for trivial commits is the"
                        + " most lines"));
        assertThat(bad, containsString("<a href=\"#trivialLines\">The limit for trivial commits is the most lines"));
    }

    private static List<String> totals(String body, String what) {
        Matcher m = Pattern.compile("<tr id=\"totals-" + what + "\"><th>[^<]*</th><td>([^<]*)</td><td>([^<]*)</td>")
                .matcher(body);
        assertTrue(m.find(), "no totals row " + what + " in " + body);
        return List.of(m.group(1), m.group(2));
    }

    /** The body rows of the table with that id. */
    private static List<String> rows(String body, String table) {
        int start = body.indexOf("<table id=\"" + table + "\">");
        if (start < 0) {
            return List.of();
        }
        String tbody = body.substring(body.indexOf("<tbody>", start), body.indexOf("</tbody>", start));
        return Pattern.compile("<tr[ >].*?</tr>", Pattern.DOTALL).matcher(tbody).results().map(r -> r.group())
                .toList();
    }

    private static String row(String body, String containing) {
        return rows(body, "contributors").stream().filter(r -> r.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + containing + " in " + body));
    }
}
