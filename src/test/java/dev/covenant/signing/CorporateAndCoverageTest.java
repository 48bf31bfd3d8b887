package dev.covenant.signing;

import static dev.covenant.Api.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.ledger.CanonicalJson;
import dev.covenant.web.WebClient;

@QuarkusTest
class CorporateAndCoverageTest {

    static String project(String corporate) {
        String owner = "cov-" + UUID.randomUUID().toString().substring(0, 8);
        Map<String, Object> body = new java.util.HashMap<>(
                Map.of("owner", owner, "repo", "widget", "agreement", "individual"));
        if (corporate != null) {
            body.put("corporateAgreement", corporate);
        }
        admin().body(body).post("/api/projects").then().statusCode(201);
        return owner + "/widget";
    }

    static String signCorporate(WebClient client, String company) {
        return client.signCorporate(company);
    }

    static Response addApproval(WebClient client, String corporateId, String kind, String value) {
        return client.approve(corporateId, kind, value);
    }

    @Test
    void aCompanyCoversEmployeesByDomainUserEmailAndOrganisation() throws SQLException {
        String repo = project("corporate");
        WebClient signatory = WebClient.signIn(SigningFlowTest.newUser("cso"));
        String corporateId = signCorporate(signatory, "Acme Corp");
        String domain = "acme-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        addApproval(signatory, corporateId, "DOMAIN", domain).then().statusCode(303);
        admin().queryParam("repo", repo).queryParam("email", "dev@" + domain).get("/api/coverage").then()
                .statusCode(200)
                .body("covered", equalTo(true)).body("by", equalTo("CORPORATE"))
                .body("corporate.criterion", equalTo("DOMAIN")).body("corporate.company", equalTo("Acme Corp"));
        admin().queryParam("repo", repo).queryParam("email", "dev@other.example").get("/api/coverage").then()
                .body("covered", equalTo(false)).body("signUrl", containsString("/agreements/individual"));

        String employee = SigningFlowTest.newUser("emp");
        WebClient.signIn(employee);
        addApproval(signatory, corporateId, "GITHUB_USER", employee).then().statusCode(303);
        admin().queryParam("repo", repo).queryParam("user", employee).get("/api/coverage").then()
                .body("covered", equalTo(true)).body("corporate.criterion", equalTo("GITHUB_USER"));

        String member = SigningFlowTest.newUser("mem");
        String org = "org" + UUID.randomUUID().toString().substring(0, 6);
        WebClient.github().addOrgMember(org, member);
        addApproval(signatory, corporateId, "GITHUB_ORG", org).then().statusCode(303);
        admin().queryParam("repo", repo).queryParam("user", member).get("/api/coverage").then()
                .body("covered", equalTo(true)).body("corporate.criterion", equalTo("GITHUB_ORG"));
        // The shipped corporate agreement is shared by every test's projects: relicensing reports elsewhere would ask
        // GitHub about this organisation for each of their contributors.
        signatory.removeApprovals(corporateId, "GITHUB_ORG", org);

        assertEquals("3",
                Sql.text("SELECT count(*) FROM ledger_entry WHERE kind = 'corporate.approval.added' AND event LIKE ?",
                        "%" + corporateId + "%"));
    }

    @Test
    void aProjectWithoutACorporateAgreementIgnoresCompanyApprovals() {
        String repo = project(null);
        WebClient signatory = WebClient.signIn(SigningFlowTest.newUser("cso"));
        String corporateId = signCorporate(signatory, "Ignored Inc");
        String domain = "ign-" + UUID.randomUUID().toString().substring(0, 6) + ".example";
        addApproval(signatory, corporateId, "DOMAIN", domain).then().statusCode(303);
        admin().queryParam("repo", repo).queryParam("email", "dev@" + domain).get("/api/coverage").then()
                .body("covered", equalTo(false));
    }

    @Test
    void onlyTheCompanysManagersCanChangeItsList() throws SQLException {
        WebClient signatory = WebClient.signIn(SigningFlowTest.newUser("cso"));
        String corporateId = signCorporate(signatory, "Private Corp");
        WebClient stranger = WebClient.signIn(SigningFlowTest.newUser("str"));
        stranger.request().get("/corporate/agreements/" + corporateId).then().statusCode(404);
        addApproval(stranger, corporateId, "DOMAIN", "evil.example").then().statusCode(404);
        stranger.request().header("X-CSRF-Token", stranger.csrf()).contentType("application/json")
                .body(Map.of("kind", "DOMAIN", "value", "evil.example"))
                .post("/api/corporate/" + corporateId + "/approvals")
                .then().statusCode(404).contentType("application/problem+json");
        assertEquals("0", Sql.text("SELECT count(*) FROM approval WHERE corporate_id = ?::uuid", corporateId));
    }

    @Test
    void managersUseTheJsonApiWithTheirSessionAndCsrfHeader() {
        WebClient signatory = WebClient.signIn(SigningFlowTest.newUser("api"));
        String corporateId = signCorporate(signatory, "Api Corp");
        String path = "/api/corporate/" + corporateId + "/approvals";
        signatory.request().contentType("application/json").body(Map.of("kind", "EMAIL", "value", "a@api.example"))
                .post(path).then().statusCode(403);
        int id = signatory.request().header("X-CSRF-Token", signatory.csrf()).contentType("application/json")
                .body(Map.of("kind", "EMAIL", "value", "A@Api.Example", "validFrom", "2026-01-01")).post(path)
                .then().statusCode(201).body("value", equalTo("a@api.example")).extract().path("id");
        signatory.request().get(path).then().statusCode(200).body("value", hasItem("a@api.example"));
        signatory.request().header("X-CSRF-Token", signatory.csrf()).contentType("application/json")
                .body(Map.of("kind", "DOMAIN", "value", "not a domain")).post(path)
                .then().statusCode(400).body("field", equalTo("value"));
        signatory.request().header("X-CSRF-Token", signatory.csrf()).delete(path + "/" + id).then().statusCode(204);
        signatory.request().get(path).then().body("value", not(hasItem("a@api.example")));
        given().get(path).then().statusCode(401);
    }

    @Test
    void badApprovalInputIsShownNextToTheField() {
        WebClient signatory = WebClient.signIn(SigningFlowTest.newUser("bad"));
        String corporateId = signCorporate(signatory, "Typo Corp");
        addApproval(signatory, corporateId, "DOMAIN", "@typo").then().statusCode(400)
                .body(containsString("id=\"value-error\"")).body(containsString("value=\"@typo\""));
    }

    @Test
    void coverageFollowsSigningAndRevocation() {
        String repo = project(null);
        String login = SigningFlowTest.newUser("cov");
        WebClient client = WebClient.signIn(login);
        admin().queryParam("repo", repo).queryParam("user", login).get("/api/coverage").then().body("covered",
                equalTo(false));
        String csrf = client.csrf();
        String receipt = SigningFlowTest.sign(client, csrf, Map.of("name", "Cov", "email", login + "@example.org"))
                .getHeader("Location");
        admin().queryParam("repo", repo).queryParam("user", login).get("/api/coverage").then()
                .body("covered", equalTo(true)).body("by", equalTo("INDIVIDUAL"))
                .body("signature.version", equalTo("1.0.0"));
        // By verified e-mail alone, as a commit without a linked account would ask.
        admin().queryParam("repo", repo).queryParam("email", login + "@example.org").get("/api/coverage").then()
                .body("covered", equalTo(true)).body("login", equalTo(login));
        client.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf)
                .post(receipt + "/revoke");
        admin().queryParam("repo", repo).queryParam("user", login).get("/api/coverage").then()
                .body("covered", equalTo(false)).body("reason", containsString("revoked"));
        admin().queryParam("repo", repo).queryParam("user", "renovate[bot]").get("/api/coverage").then()
                .body("covered", equalTo(true)).body("by", equalTo("ALLOWLIST")).body("signature", nullValue());
    }

    @Test
    void badCoverageQueriesNameTheField() {
        admin().get("/api/coverage").then().statusCode(400).body("errors.field", hasItem("repo"));
        admin().queryParam("repo", "a/b").get("/api/coverage").then().statusCode(400).body("field", equalTo("user"));
        admin().queryParam("repo", "nobody-links/this").queryParam("user", "x").get("/api/coverage").then()
                .statusCode(404);
        given().queryParam("repo", "a/b").queryParam("user", "x").get("/api/coverage").then().statusCode(401);
    }

    @Test
    void signaturesExportAsCsvAndJsonForAdminsOnly() {
        String login = SigningFlowTest.newUser("exp");
        WebClient client = WebClient.signIn(login);
        SigningFlowTest.sign(client, client.csrf(),
                Map.of("name", "=HYPERLINK(\"x\")", "email", login + "@example.org")).then().statusCode(303);
        admin().queryParam("format", "csv").get("/api/agreements/individual/signatures").then().statusCode(200)
                .contentType(containsString("text/csv")).body(containsString(login))
                .body(containsString("signature,github_id,login"));
        admin().get("/api/agreements/individual/signatures").then().statusCode(200).body("login", hasItem(login));
        given().get("/api/agreements/individual/signatures").then().statusCode(401);
        List<String> lines = admin().queryParam("format", "csv").get("/api/agreements/individual/signatures").asString()
                .lines().toList();
        List<String> mine = lines.stream().filter(l -> l.contains("\"" + login + "\"")).toList();
        assertEquals(1, mine.size(), () -> "one row for " + login + " in\n" + String.join("\n", lines));
        List<String> cells = cells(mine.get(0));
        assertEquals(12, cells.size(), mine.get(0));
        assertEquals("", cells.get(10), "signed here, so no import source");
        assertEquals("", cells.get(11), "signed on the page, so no comment");
        assertEquals("=HYPERLINK(\"x\")", CanonicalJson.read(cells.get(9)).path("name").asText(), cells.get(9));
        // No cell a spreadsheet would run: the formula the person typed stays inside the JSON of the fields.
        assertEquals(List.of(), cells.stream().filter(c -> !c.isEmpty() && "=+-@\t\r".indexOf(c.charAt(0)) >= 0)
                .toList());
    }

    /** The cells of one CSV line whose cells are all quoted. */
    private static List<String> cells(String line) {
        Matcher cell = Pattern.compile("\"((?:[^\"]|\"\")*)\"(?:,|$)").matcher(line);
        List<String> cells = new ArrayList<>();
        while (cell.find()) {
            cells.add(cell.group(1).replace("\"\"", "\""));
        }
        return cells;
    }
}
