package dev.covenant.checks;

import static dev.covenant.Api.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.coverage.CoverageService;
import dev.covenant.coverage.ProjectTerms;
import dev.covenant.github.FakeEmail;
import dev.covenant.web.WebClient;

/**
 * Re-signing after a major version is never silent: a person who signed 1.x of a project's agreement, once 2.0.0 is
 * published, finds the project on their page with a way to sign it, and the pull-request comment tells them why.
 */
@QuarkusTest
class SignAgainTest {

    @Inject
    CoverageService coverage;
    @Inject
    ContributorCoverage contributorCoverage;

    static Map<String, Object> version(String version, String text) {
        return Map.of("version", version, "text", text, "terms", Map.of("grant", "LICENSE", "sublicensable", true,
                "coversPriorContributions", true, "patentGrant", true, "outboundPolicy", "SAME_OR_OSI",
                "outboundLicenses", List.of()));
    }

    @Test
    void aNewMajorVersionAsksThoseWhoSignedTheOldOneOnTheirPageAndInTheComment() throws Exception {
        String n = UUID.randomUUID().toString().substring(0, 8);
        String slug = "resign-" + n;
        String owner = "resign" + n;
        String repository = owner + "/widget";
        admin().body(Map.of("slug", slug, "title", "Resign CLA", "kind", "INDIVIDUAL", "firstVersion",
                version("1.0.0", "First text"))).post("/api/agreements").then().statusCode(201);
        admin().body(Map.of("owner", owner, "repo", "widget", "agreement", slug, "licenses",
                List.of(Map.of("from", "2000-01-01", "spdx", "MIT")))).post("/api/projects").then().statusCode(201);
        long githubId = 9_800_000L + Math.abs(n.hashCode() % 100_000);
        String login = "signer" + n;
        WebClient.github().addUser(githubId, login, "Sig Ner", List.of(FakeEmail.primaryVerified(login
                + "@example.org")));
        WebClient person = WebClient.signIn(login);
        sign(person, login, slug, "1.0.0");

        String before = person.request().get("/me").then().statusCode(200).extract().asString();
        assertFalse(before.contains("id=\"sign-again\""), before);
        assertTrue(before.contains(repository), "covered for the project: " + before);
        assertTrue(before.matches("(?s).*your signature of " + slug + " 1\\.0\\.0, signed <time datetime=\"[^\"]+\">"
                + "\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d\\d:\\d\\d UTC</time> <span class=\"ago\">\\((just now|\\d+ minutes? ago)\\)</span>.*"),
                before);
        assertFalse(before.matches("(?s).*\\d\\d:\\d\\d:\\d\\d\\.\\d+Z.*"), "no raw timestamps: " + before);

        // A project in DCO mode with the same agreement never lists the person, nor asks them to sign again.
        admin().body(Map.of("owner", owner, "repo", "gadget", "agreement", slug, "mode", "DCO")).post("/api/projects")
                .then().statusCode(201);
        assertFalse(person.request().get("/me").then().statusCode(200).extract().asString()
                .contains(owner + "/gadget"));
        admin().body(version("2.0.0", "Second text")).post("/api/agreements/" + slug + "/versions").then()
                .statusCode(201);
        String after = person.request().get("/me").then().statusCode(200).extract().asString();
        assertTrue(after.contains("id=\"sign-again\""), after);
        assertTrue(after.contains("<strong>" + repository + "</strong>: you signed Resign CLA 1.x (1.0.0); this"
                + " project now asks for 2.0.0."), after);
        assertTrue(after.contains("href=\"/agreements/" + slug + "?repo=" + repository + "#sign\""), after);
        assertFalse(after.contains(owner + "/gadget"), after);

        ProjectTerms terms = coverage.terms(repository).orElseThrow();
        assertEquals("2.0.0", terms.askedVersion());
        Contributor contributor = new Contributor(Contributor.Kind.ACCOUNT, githubId, login, null,
                List.of(login + "@example.org"), List.of("a".repeat(40)), Set.of(Contributor.Role.AUTHOR), "Sig Ner");
        CheckResult result = EvaluatePullRequest.evaluate(List.of(contributor),
                contributorCoverage.now(terms, repository, List.of(contributor)));
        assertFalse(result.passed());
        CheckTexts.Report report = CheckReports.report(repository + "#1", terms.agreementTitle(),
                "https://covenant.example/agreements/" + slug, "/cla recheck", "CLA", result, terms.askedVersion());
        String comment = CheckTexts.comment(report).render();
        assertTrue(comment.contains("you signed 1.x; this project now asks for 2.0."), comment);
        assertTrue(CheckTexts.summary(report).render().contains("you signed 1.x; this project now asks for 2.0."));

        sign(person, login, slug, "2.0.0");
        String signed = person.request().get("/me").then().statusCode(200).extract().asString();
        assertFalse(signed.contains("id=\"sign-again\""), signed);
    }

    private static void sign(WebClient person, String login, String slug, String version) throws Exception {
        String sha = Sql.text("SELECT v.sha256 FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id"
                + " WHERE a.slug = ? AND v.version = ?", slug, version);
        person.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", person.csrf())
                .formParam("version", version).formParam("sha256", sha).formParam("name", "Sig Ner")
                .formParam("email", login + "@example.org").post("/agreements/" + slug + "/sign").then()
                .statusCode(303);
    }
}
