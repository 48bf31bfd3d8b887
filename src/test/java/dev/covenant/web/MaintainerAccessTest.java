package dev.covenant.web;

import static dev.covenant.checks.PullRequestChecksTest.repository;
import static dev.covenant.checks.PullRequestChecksTest.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Api;
import dev.covenant.checks.InstalledRepositories;
import dev.covenant.github.FakeRepo;

/**
 * A repository's relicensing report is for its maintainers (GitHub admin or maintain role) and admin tokens; any
 * other signed-in person gets only their own part.
 */
@QuarkusTest
class MaintainerAccessTest {

    private static FakeRepo installedRepository() {
        return InstalledRepositories.installed("\"licenses\":[{\"from\":\"2000-01-01\",\"spdx\":\"MIT\"}]");
    }

    private static String report(FakeRepo repo) {
        return "/api/repos/" + repo.fullName() + "/relicensing?to=Apache-2.0";
    }

    @Test
    void maintainersAndAdminsReadTheReportOthersOnlyTheirOwnPart() {
        FakeRepo repo = installedRepository();
        String maintainer = user("maint");
        String admin = user("owner");
        String writer = user("writer");
        repo.setPermission(maintainer, "maintain");
        repo.setPermission(admin, "admin");
        repo.setPermission(writer, "write");

        // No history: the whole report has no contributors either, so what tells the parts apart is the totals.
        WebClient.signIn(maintainer).request().get(report(repo)).then().statusCode(200)
                .body("repository", equalTo(repo.fullName().toLowerCase())).body("totals.commits", equalTo(0));
        WebClient.signIn(admin).request().get(report(repo)).then().statusCode(200).body("totals.commits", equalTo(0));
        WebClient.signIn(writer).request().get(report(repo)).then().statusCode(200)
                .body("contributors", empty()).body("$", not(hasKey("totals")));
        WebClient.signIn(user("stranger")).request().get(report(repo)).then().statusCode(200)
                .body("contributors", empty()).body("$", not(hasKey("totals")));
        given().get(report(repo)).then().statusCode(401);
        given().cookie("covenant_session", "forged").get(report(repo)).then().statusCode(401);
        Api.admin().get(report(repo)).then().statusCode(200);
    }

    @Test
    void aSessionOpensNoOtherApi() {
        FakeRepo repo = installedRepository();
        String maintainer = user("maint");
        repo.setPermission(maintainer, "maintain");
        WebClient client = WebClient.signIn(maintainer);
        // Signed in, so not 401: the session is known, it is only not enough.
        client.request().get("/api/projects").then().statusCode(403).contentType("application/problem+json");
        client.request().get("/api/deliveries").then().statusCode(403);
        client.request().get("/api/repos/" + repo.fullName() + "-other/history").then().statusCode(403);
    }

    @Test
    void maintainersImportHistoryWithTheirSessionsToken() {
        FakeRepo repo = installedRepository();
        String maintainer = user("maint");
        String writer = user("writer");
        repo.setPermission(maintainer, "maintain");
        repo.setPermission(writer, "write");
        String history = "/api/repos/" + repo.fullName() + "/history";
        WebClient client = WebClient.signIn(maintainer);
        client.request().get(history).then().statusCode(200);
        client.request().contentType("text/plain").body("").post(history + "?wait=true").then().statusCode(403)
                .body("detail", org.hamcrest.Matchers.containsString("X-CSRF-Token"));
        client.request().header("X-CSRF-Token", client.csrf()).contentType("text/plain").body("")
                .post(history + "?wait=true").then().statusCode(200).body("state", equalTo("DONE"));
        WebClient other = WebClient.signIn(writer);
        other.request().get(history).then().statusCode(403);
        other.request().header("X-CSRF-Token", other.csrf()).contentType("text/plain").body("")
                .post(history + "?wait=true").then().statusCode(403);
    }

    /**
     * A page that both requires the maintainer role and shows the maintainer's whole report (the import form, given a
     * clone URL it refuses) asks GitHub for the role once.
     */
    @Test
    void gitHubIsAskedForTheRoleOncePerRequest() {
        FakeRepo repo = installedRepository();
        String maintainer = user("maint");
        repo.setPermission(maintainer, "maintain");
        WebClient client = WebClient.signIn(maintainer);
        String csrf = client.csrf();
        long before = roleQuestions(maintainer);
        client.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf)
                .formParam("cloneUrl", "file:/etc").post("/repos/" + repo.fullName() + "/relicensing/imports").then()
                .statusCode(400).body(org.hamcrest.Matchers.containsString("id=\"cloneUrl-error\""));
        assertEquals(1, roleQuestions(maintainer) - before);
    }

    private static long roleQuestions(String login) {
        return WebClient.github().requests().stream()
                .filter(r -> r.path().endsWith("/collaborators/" + login + "/permission")).count();
    }

    /** Where the App is not installed, nobody is a maintainer: a signed-in person gets their own part only. */
    @Test
    void whereTheAppIsNotInstalledNobodyIsAMaintainer() {
        FakeRepo repo = repository("\"licenses\":[{\"from\":\"2000-01-01\",\"spdx\":\"MIT\"}]");
        String maintainer = user("maint");
        repo.setPermission(maintainer, "maintain");
        WebClient.signIn(maintainer).request().get(report(repo)).then().statusCode(200)
                .body("$", not(hasKey("totals")));
    }
}
