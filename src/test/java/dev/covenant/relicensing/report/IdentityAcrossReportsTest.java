package dev.covenant.relicensing.report;

import static dev.covenant.Api.admin;
import static dev.covenant.Api.anonymous;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.covenant.Sql;
import dev.covenant.identity.People;
import dev.covenant.relicensing.history.GitRepo;
import dev.covenant.signing.SigningService;

/**
 * One person per account across the report and the blame verdicts, checked against {@code git shortlog -sne} and
 * {@code git blame -w -M}: both GitHub no-reply forms of an account that never signed in are one contributor; a
 * maintainer's link makes a Subversion-era {@code user@uuid} address the linked person's, whose grants then cover
 * it; two addresses linked to one person without a GitHub account are one contributor; bad links are 400s naming the
 * field.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdentityAcrossReportsTest {

    private static final String SVN = "jdoe@1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    private static final String BOB_SVN = "bob@1b4e28ba-2fa1-11d2-883f-0016d3cca427";
    private static final String BOB_OLD = "bob@old-employer.example";

    @Inject
    People people;

    @Inject
    SigningService signing;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String owner = "ident-" + run;
    final String repository = owner + "/lib";
    final String domain = run + ".example";
    final long adaId = 8_300_000_000L + Math.abs(run.hashCode() % 1_000_000) * 10;
    final long octoId = adaId + 5;
    final String octo = "octo-" + run;
    final String newer = octoId + "+" + octo + "@users.noreply.github.com";
    final String older = octo + "@users.noreply.github.com";
    GitRepo repo;

    @BeforeEach
    void importTheHistory() throws IOException {
        if (repo != null) {
            return;
        }
        repo = new GitRepo();
        repo.write("old.c", "int a;\nint b;\nint c;\n");
        repo.commit("jdoe", SVN, "Initial import from Subversion");
        repo.write("old.c", "int a;\nint b;\nint c;\nint d;\nint e;\n");
        repo.commit("jdoe", SVN, "More");
        repo.write("a.txt", "one\ntwo\n");
        repo.commit("Octo", newer, "Add a");
        repo.write("b.txt", "three\nfour\nfive\n");
        repo.commit("Octo", older, "Add b");
        repo.write("bob.txt", "six\n");
        repo.commit("Bob", BOB_SVN, "Bob in Subversion");
        repo.write("bob.txt", "six\nseven\n");
        repo.commit("Bob", BOB_OLD, "Bob at his old employer");
        repo.write("README.md", "hello\n");
        repo.commit("Ada", "ada@" + domain, "Readme");
        SignedProject.create(owner, domain, adaId, run, people, signing, "IdentityAcrossReportsTest");
        admin().queryParam("wait", true).body(Map.of("cloneUrl", repo.dir.toUri().toString()))
                .post("/api/repos/" + repository + "/history").then().statusCode(200).body("state", equalTo("DONE"));
        admin().queryParam("wait", true).body(Map.of("cloneUrl", repo.dir.toUri().toString()))
                .post("/api/repos/" + repository + "/relicensing/blame").then().statusCode(200)
                .body("state", equalTo("DONE"));
    }

    /** {@code git shortlog -sne}: commits by address. */
    private Map<String, Long> shortlog() {
        Map<String, Long> commits = new HashMap<>();
        for (String line : repo.git("shortlog", "-sne", "HEAD").strip().split("\n")) {
            String[] parts = line.strip().split("\t");
            String address = parts[1].substring(parts[1].indexOf('<') + 1, parts[1].indexOf('>')).toLowerCase();
            commits.merge(address, Long.parseLong(parts[0].strip()), Long::sum);
        }
        return commits;
    }

    /** {@code git blame -w -M}: surviving lines of a file by address. */
    private Map<String, Long> blame(String path) {
        Map<String, Long> lines = new HashMap<>();
        for (String line : repo.git("blame", "-w", "-M", "--line-porcelain", "HEAD", "--", path).split("\n")) {
            if (line.startsWith("author-mail <")) {
                lines.merge(line.substring(13, line.length() - 1).toLowerCase(), 1L, Long::sum);
            }
        }
        return lines;
    }

    private JsonPath report() {
        return admin().queryParam("to", "Apache-2.0").get("/api/repos/" + repository + "/relicensing").then()
                .statusCode(200).extract().jsonPath();
    }

    private JsonPath verdicts() {
        return admin().queryParam("to", "Apache-2.0").get("/api/repos/" + repository + "/relicensing/files").then()
                .statusCode(200).extract().jsonPath();
    }

    private String links() {
        return "/api/repos/" + repository + "/relicensing/links";
    }

    @Test
    void bothNoReplyFormsOfOneAccountAreOnePersonInTheReportAndTheVerdicts() {
        Map<String, Long> git = shortlog();
        JsonPath report = report();
        List<Map<String, Object>> rows = report.getList("contributors.findAll { it.githubId == " + octoId + "L }");
        assertEquals(1, rows.size(), "one row for both forms: " + report.getList("contributors.contributor"));
        assertEquals(octo, rows.get(0).get("contributor"));
        assertEquals(List.of(newer, older).stream().sorted().toList(),
                ((List<?>) rows.get(0).get("emails")).stream().map(Object::toString).sorted().toList());
        assertEquals(git.get(newer) + git.get(older), ((Number) rows.get(0).get("commits")).longValue());

        JsonPath verdicts = verdicts();
        for (String path : List.of("a.txt", "b.txt")) {
            long lines = blame(path).values().stream().mapToLong(Long::longValue).sum();
            assertEquals(List.of(Map.of("contributor", octo, "status", "NO_AGREEMENT", "lines", (int) lines)),
                    verdicts.getList("files.find { it.path == '" + path + "' }.blockedBy"), path);
        }
    }

    @Test
    void aLinkedSubversionAddressCountsAsTheLinkedPersonsAndIsCoveredByTheirSignature() {
        Map<String, Long> git = shortlog();
        String ada = "ada-" + run;
        assertEquals("UNKNOWN_IDENTITY", report().getString("contributors.find { it.contributor == '" + SVN
                + "' }.status"));

        var linked = admin().body(Map.of("email", SVN.toUpperCase(), "login", ada, "reason",
                "The Subversion log of 2004 names Ada as jdoe; she confirmed it by mail on 2026-11-02")).post(links());
        assertEquals(201, linked.statusCode(), linked.asString());
        assertEquals(SVN, linked.path("email"));
        assertEquals(adaId, ((Number) linked.path("githubId")).longValue());
        int seq = linked.path("ledger.seq");
        assertEquals("address.linked", Sql.textUnchecked("SELECT kind FROM ledger_entry WHERE seq = ?", (long) seq));
        assertEquals(linked.path("ledger.hash"), Sql.textUnchecked("SELECT hash FROM ledger_entry WHERE seq = ?",
                (long) seq));
        admin().get(links()).then().statusCode(200).body("email", hasItem(SVN))
                .body("find { it.email == '" + SVN + "' }.reason",
                        equalTo("The Subversion log of 2004 names Ada as jdoe; she confirmed it by mail"
                                + " on 2026-11-02"));
        admin().body(Map.of("email", SVN, "githubId", "1", "reason", "again")).post(links()).then().statusCode(409);

        JsonPath report = report();
        assertEquals(null, report.getMap("contributors.find { it.contributor == '" + SVN + "' }"));
        Map<String, Object> row = report.getMap("contributors.find { it.login == '" + ada + "' }");
        assertEquals("GRANTED", row.get("status"));
        assertTrue(((List<?>) row.get("emails")).contains(SVN), row.toString());
        assertEquals(git.get("ada@" + domain) + git.get(SVN), ((Number) row.get("commits")).longValue());
        assertEquals(((Number) row.get("commits")).longValue(), ((Number) row.get("commitsCleared")).longValue());
        JsonPath verdicts = verdicts();
        assertEquals(blame("old.c").get(SVN).intValue(), verdicts.getInt("files.find { it.path == 'old.c' }"
                + ".linesCleared"));
        assertEquals(true, verdicts.getBoolean("files.find { it.path == 'old.c' }.cleared"));

        admin().delete(links() + "/" + SVN).then().statusCode(204);
        admin().delete(links() + "/" + SVN).then().statusCode(404);
        assertEquals("address.unlinked", Sql.textUnchecked("SELECT e.kind FROM address_link l JOIN ledger_entry e"
                + " ON e.seq = l.removed_ledger_seq WHERE l.repository = ?", repository));
        assertEquals("UNKNOWN_IDENTITY", report().getString("contributors.find { it.contributor == '" + SVN
                + "' }.status"));
    }

    @Test
    void addressesLinkedToOnePersonWithoutAnAccountAreOneContributor() {
        Map<String, Long> git = shortlog();
        for (String address : List.of(BOB_SVN, BOB_OLD)) {
            admin().body(Map.of("email", address, "name", "Bob Old", "contactEmail", "bob@home.example", "reason",
                    "Bob's own list of his addresses")).post(links()).then().statusCode(201)
                    .body("name", equalTo("Bob Old"));
        }
        JsonPath report = report();
        List<Map<String, Object>> rows = report.getList("contributors.findAll { it.emails.contains('" + BOB_OLD
                + "') || it.emails.contains('" + BOB_SVN + "') }");
        assertEquals(1, rows.size(), rows.toString());
        assertEquals("LINKED", rows.get(0).get("identifiedBy"));
        assertEquals(git.get(BOB_SVN) + git.get(BOB_OLD), ((Number) rows.get(0).get("commits")).longValue());

        // A campaign reaches him at the contact address the links give, not at an address of the old history.
        String campaigns = "/api/repos/" + repository + "/campaigns";
        var opened = admin().body(Map.of("to", "GPL-3.0-or-later")).post(campaigns);
        assertEquals(201, opened.statusCode(), opened.asString());
        admin().get(campaigns + "/" + opened.path("id")).then().statusCode(200)
                .body("contributors.find { it.contributor == '" + rows.get(0).get("contributor") + "' }.contactEmail",
                        equalTo("bob@home.example"));
    }

    @Test
    void aMalformedLinkIsA400NamingTheField() {
        assertField(Map.of("email", "not an address", "login", "x", "reason", "r"), "email");
        assertField(Map.of("email", "a@b", "login", "x"), "reason");
        assertField(Map.of("email", "a@b", "reason", "r"), "githubId");
        assertField(Map.of("email", "a@b", "githubId", "-3", "reason", "r"), "githubId");
        assertField(Map.of("email", "a@b", "githubId", "3", "name", "N", "reason", "r"), "name");
        assertField(Map.of("email", "a@b", "name", "N", "contactEmail", "nowhere", "reason", "r"), "contactEmail");
        assertField(Map.of("email", "a@b", "login", "nobody-" + run, "reason", "r"), "login");
        assertField(Map.of("email", "a@b", "login", "x", "reason", "r", "colour", "red"), "colour");
        anonymous().body(Map.of("email", "a@b", "login", "x", "reason", "r")).post(links()).then().statusCode(401);
        admin().get("/api/repos/nobody-" + run + "/lib/relicensing/links").then().statusCode(404);
    }

    private void assertField(Map<String, String> body, String field) {
        var response = admin().body(body).post(links());
        assertEquals(400, response.statusCode(), response.asString());
        assertEquals("application/problem+json", response.contentType().split(";")[0]);
        assertNotNull(response.path("field"), response.asString());
        assertEquals(field, response.path("field"), response.asString());
    }
}
