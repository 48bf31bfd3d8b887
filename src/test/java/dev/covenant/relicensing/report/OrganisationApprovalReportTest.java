package dev.covenant.relicensing.report;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.covenant.github.FakeEmail;
import dev.covenant.github.FakeGitHub;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.web.WebClient;

/**
 * A company that approves a GitHub organisation covers, in relicensing reports, the contributors GitHub names as its
 * members: by their no-reply address, whether or not they ever signed in to Covenant.
 */
@QuarkusTest
class OrganisationApprovalReportTest {

    private static final String DATE = "Thu Mar 5 10:00:00 2026 +0000";

    private static String user(FakeGitHub github, long id, String prefix) {
        String login = prefix + id;
        github.addUser(id, login, "Person " + login, List.of(FakeEmail.primaryVerified(login + "@example.org")));
        return login;
    }

    private static String commit(String sha, String email) {
        return "commit " + sha + "\nAuthor:     Someone <" + email + ">\nAuthorDate: " + DATE
                + "\nCommit:     Someone <"
                + email + ">\nCommitDate: " + DATE + "\n\n    Change\n\n3\t0\tREADME.md\n";
    }

    @Test
    void membersOfAnApprovedOrganisationAreGrantedOthersAreNot() throws Exception {
        FakeGitHub github = FakeGitHubResource.fake();
        String run = UUID.randomUUID().toString().substring(0, 8);
        long base = 9_100_000_000L + Math.abs(run.hashCode() % 1_000_000) * 10;
        String owner = "orgrep-" + run;
        String org = "acme-" + run;
        String member = user(github, base + 1, "member");
        String outsider = user(github, base + 2, "outsider");
        github.addOrgMember(org, member);
        admin().body(Map.of("owner", owner, "agreement", "individual", "corporateAgreement", "corporate", "licenses",
                List.of(Map.of("from", "2000-01-01", "spdx", "MIT")))).post("/api/projects").then().statusCode(201);
        WebClient signatory = WebClient.signIn(user(github, base + 3, "cso"));
        String corporateId = signatory.signCorporate("Acme " + run);
        signatory.approve(corporateId, "GITHUB_ORG", org).then().statusCode(303);
        try {
            checkReport(owner, base, member, outsider, run);
            checkCampaign(owner, outsider);
        } finally {
            // The shipped corporate agreement is shared by every test's projects: their reports need not ask about it.
            signatory.removeApprovals(corporateId, "GITHUB_ORG", org);
        }
    }

    private static void checkReport(String owner, long base, String member, String outsider, String run) {
        String memberEmail = (base + 1) + "+" + member + "@users.noreply.github.com";
        String outsiderEmail = (base + 2) + "+" + outsider + "@users.noreply.github.com";
        String history = commit("a".repeat(40), memberEmail) + "\n" + commit("b".repeat(40), outsiderEmail);
        admin().contentType("text/plain").body(history).post("/api/repos/" + owner + "/lib/history?wait=true").then()
                .statusCode(200).body("state", equalTo("DONE"));

        JsonPath report = admin().queryParam("to", "Apache-2.0").get("/api/repos/" + owner + "/lib/relicensing").then()
                .statusCode(200).extract().jsonPath();
        assertEquals("GRANTED", report.getString("contributors.find { it.login == '" + member + "' }.status"));
        assertEquals("Acme " + run,
                report.getString("contributors.find { it.login == '" + member + "' }.grant.company"));
        assertEquals("NO_AGREEMENT", report.getString("contributors.find { it.login == '" + outsider + "' }.status"));
    }

    /**
     * A campaign's every step makes the report, which asks GitHub about the organisation's members: never inside a
     * transaction (Memberships refuses), so opening, reading, answering and closing all work.
     */
    private static void checkCampaign(String owner, String outsider) {
        String campaigns = "/api/repos/" + owner + "/lib/campaigns";
        var opened = admin().body(Map.of("to", "Apache-2.0")).post(campaigns);
        assertEquals(201, opened.statusCode(), opened.asString());
        int id = opened.path("id");
        admin().get(campaigns + "/" + id).then().statusCode(200)
                .body("contributors.find { it.login == '" + outsider + "' }.status", equalTo("NO_AGREEMENT"));
        admin().body(Map.of("contributor", outsider, "answer", "YES", "evidenceUrl", "https://lists.example.org/yes"))
                .post(campaigns + "/" + id + "/answers").then()
                .statusCode(201);
        admin().post(campaigns + "/" + id + "/close").then().statusCode(200);
        JsonPath closed = admin().queryParam("to", "Apache-2.0").get("/api/repos/" + owner + "/lib/relicensing")
                .then().statusCode(200).extract().jsonPath();
        assertEquals("CONSENTED", closed.getString("contributors.find { it.login == '" + outsider + "' }.status"));
    }
}
