package dev.covenant.relicensing.blame;

import static dev.covenant.checks.PullRequestChecksTest.deliver;
import static dev.covenant.checks.PullRequestChecksTest.repository;
import static dev.covenant.checks.PullRequestChecksTest.user;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.covenant.Api;
import dev.covenant.github.FakeRepo;
import dev.covenant.github.FakeWebhooks;
import dev.covenant.inbox.DeliveryWorkerTest;
import dev.covenant.web.WebClient;

/** Blame jobs and per-file verdicts are for the repository's maintainers and admin tokens, like the report. */
@QuarkusTest
class SurvivingLinesAccessTest {

    private static FakeRepo installedRepository() {
        FakeRepo repo = repository("\"licenses\":[{\"from\":\"2000-01-01\",\"spdx\":\"MIT\"}]");
        String id = deliver("installation", FakeWebhooks.installationCreated(repo.installationId(),
                repo.fullName().split("/")[0], List.of(repo)));
        DeliveryWorkerTest.await("the installation", DeliveryWorkerTest.stateIs(id, "DONE"));
        return repo;
    }

    @Test
    void maintainersStartAndReadBlameJobsWithTheirSessionsToken() throws IOException {
        FakeRepo repo = installedRepository();
        String maintainer = user("maint");
        String writer = user("writer");
        repo.setPermission(maintainer, "maintain");
        repo.setPermission(writer, "write");
        String blame = "/api/repos/" + repo.fullName() + "/relicensing/blame";
        // A directory inside the allowed roots that is not a repository: the job is accepted, then fails to clone.
        Map<String, String> body = Map.of("cloneUrl", Files.createTempDirectory("empty-").toUri().toString());

        WebClient client = WebClient.signIn(maintainer);
        client.request().contentType("application/json").body(body).post(blame).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("X-CSRF-Token"));
        Response accepted = client.request().header("X-CSRF-Token", client.csrf()).contentType("application/json")
                .body(body).post(blame);
        accepted.then().statusCode(202);
        String location = accepted.getHeader("Location");
        assertTrue(location.startsWith(blame.toLowerCase() + "/"), location);
        client.request().get(location).then().statusCode(200).body("cloneUrl", equalTo(body.get("cloneUrl")));
        client.request().get(blame).then().statusCode(200);
        Api.admin().get(location).then().statusCode(200);

        WebClient other = WebClient.signIn(writer);
        other.request().get(blame).then().statusCode(403);
        other.request().get(location).then().statusCode(403);
        other.request().header("X-CSRF-Token", other.csrf()).contentType("application/json").body(body).post(blame)
                .then().statusCode(403);
        given().get(blame).then().statusCode(401);
        given().get(location).then().statusCode(401);
        given().contentType("application/json").body(body).post(blame).then().statusCode(401);
    }

    @Test
    void maintainersReadTheVerdictsOthersDoNot() {
        FakeRepo repo = installedRepository();
        String maintainer = user("maint");
        String writer = user("writer");
        repo.setPermission(maintainer, "admin");
        repo.setPermission(writer, "write");
        String files = "/api/repos/" + repo.fullName() + "/relicensing/files?to=Apache-2.0";
        // Nothing blamed yet: past the door, the answer is that the job must run first.
        WebClient.signIn(maintainer).request().get(files).then().statusCode(404)
                .body("detail", containsString("relicensing/blame"));
        Api.admin().get(files).then().statusCode(404);
        WebClient.signIn(writer).request().get(files).then().statusCode(403);
        given().get(files).then().statusCode(401);
        given().cookie("covenant_session", "forged").get(files).then().statusCode(401);
    }
}
