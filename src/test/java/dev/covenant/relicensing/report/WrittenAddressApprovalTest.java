package dev.covenant.relicensing.report;

import static dev.covenant.Api.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.github.FakeEmail;
import dev.covenant.github.FakeGitHub;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.relicensing.history.GitRepo;
import dev.covenant.relicensing.history.HistoryImportTest;
import dev.covenant.web.WebClient;

/**
 * Someone who worked at three companies, one identity through the {@code .mailmap}: company A's approval of its
 * domain covers the commits written under A's address, and none written under B's or C's, in both import paths.
 */
@QuarkusTest
class WrittenAddressApprovalTest {

    @Test
    void aCompanyCoversOnlyWhatWasWrittenUnderItsAddress() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String owner = "employ-" + run;
        String a = "a-" + run + ".example";
        String b = "b-" + run + ".example";
        String c = "c-" + run + ".example";
        GitRepo repo = new GitRepo();
        repo.write(".mailmap", "Pat Doe <pat@home-" + run + ".example> <pat@" + a + ">\n"
                + "Pat Doe <pat@home-" + run + ".example> <pat@" + b + ">\n"
                + "Pat Doe <pat@home-" + run + ".example> <pat@" + c + ">\n");
        int n = 0;
        for (String domain : List.of(a, a, b, b, b, c, a)) {
            repo.write("work.txt", "line " + n++ + "\n".repeat(n));
            repo.commit("Pat", "pat@" + domain, "Work " + n);
        }
        long underA = repo.git("log", "--format=%ae").lines().filter(e -> e.endsWith("@" + a)).count();
        assertEquals(3, underA);
        assertEquals(List.of("pat@home-" + run + ".example"),
                repo.git("log", "--use-mailmap", "--format=%aE").lines().distinct().toList(), "one identity");

        FakeGitHub github = FakeGitHubResource.fake();
        long id = 9_300_000_000L + Math.abs(run.hashCode() % 1_000_000);
        github.addUser(id, "cso" + run, "CSO", List.of(FakeEmail.primaryVerified("cso@" + a)));
        admin().body(Map.of("owner", owner, "agreement", "individual", "corporateAgreement", "corporate", "licenses",
                List.of(Map.of("from", "2000-01-01", "spdx", "MIT")))).post("/api/projects").then().statusCode(201);
        WebClient signatory = WebClient.signIn("cso" + run);
        signatory.approve(signatory.signCorporate("A " + run), "DOMAIN", a).then().statusCode(303);
        admin().contentType("text/plain").queryParam("wait", true)
                .body(repo.git(HistoryImportTest.LOG_ARGS).getBytes(StandardCharsets.UTF_8))
                .post("/api/repos/" + owner + "/text/history").then().statusCode(200);
        admin().queryParam("wait", true).body(Map.of("cloneUrl", repo.dir.toUri().toString()))
                .post("/api/repos/" + owner + "/cloned/history").then().statusCode(200);
        for (String name : List.of("text", "cloned")) {
            JsonPath report = admin().queryParam("to", "Apache-2.0")
                    .get("/api/repos/" + owner + "/" + name + "/relicensing").then().statusCode(200).extract()
                    .jsonPath();
            assertEquals(1, report.getList("contributors").size(), name);
            assertEquals(List.of("pat@home-" + run + ".example"), report.getList("contributors[0].emails"));
            assertEquals(7, report.getLong("totals.commits"), name);
            assertEquals(underA, report.getLong("totals.commitsCleared"), name + ": only A's commits");
            assertEquals(underA, report.getLong("contributors[0].commitsCleared"), name);
            assertEquals("NO_AGREEMENT", report.getString("contributors[0].status"),
                    name + ": a company approves part of their work, so they are known, not UNKNOWN_IDENTITY");
        }
        assertEquals("3", Sql.text("SELECT count(*) FROM contribution_raw_address WHERE repository = ?",
                owner + "/cloned"));
    }
}
