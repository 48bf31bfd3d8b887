package dev.covenant.relicensing.blame;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.covenant.Sql;
import dev.covenant.identity.People;
import dev.covenant.identity.Person;
import dev.covenant.relicensing.history.GitRepo;
import dev.covenant.relicensing.report.SignedProject;
import dev.covenant.signing.SigningService;

/**
 * The per-file verdicts over {@link BlameFixture}'s repository, with its history imported, a project under MIT,
 * Ada signed (GRANTED for Apache-2.0) and Grace known but unsigned: every file's lines and blockers checked against
 * {@code git blame -w -M}; and the edges: CSV, revisions, bad input, and the routes beside the report's.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FileVerdictsApiTest {

    @Inject
    People people;

    @Inject
    SigningService signing;

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String owner = "verdict-" + run;
    final String domain = run + ".example";
    final long adaId = 8_100_000_000L + Math.abs(run.hashCode() % 1_000_000);
    final String repository = owner + "/widget";
    BlameFixture fixture;
    BlameExpectations git;

    @BeforeEach
    void blameTheRepository() throws IOException {
        if (fixture != null) {
            return;
        }
        fixture = new BlameFixture(domain);
        git = new BlameExpectations(fixture.repo, fixture.head);
        SignedProject.create(owner, domain, adaId, run, people, signing, "FileVerdictsApiTest");
        admin().queryParam("wait", true).body(Map.of("cloneUrl", fixture.repo.dir.toUri().toString()))
                .post("/api/repos/" + repository + "/history").then().statusCode(200).body("state", equalTo("DONE"));
        fixture.blame(repository, null, true).then().statusCode(200).body("state", equalTo("DONE"));
    }

    private String files() {
        return "/api/repos/" + repository + "/relicensing/files";
    }

    @Test
    void eachFileIsClearedOrBlockedByWhomGitBlameNames() {
        JsonPath verdicts = admin().queryParam("to", "Apache-2.0").get(files()).then().statusCode(200)
                .body("revision", equalTo(fixture.head)).body("target", equalTo("Apache-2.0")).extract().jsonPath();
        String ada = "ada@" + domain;
        String grace = "grace-" + run;
        Map<String, String> contributorOf = Map.of(ada, "ada-" + run, "grace@" + domain, grace,
                "583231+octocat@users.noreply.github.com", "octocat");
        long expectedCleared = 0;
        for (var file : git.byPath.entrySet()) {
            String path = file.getKey();
            long lines = file.getValue().values().stream().mapToLong(Long::longValue).sum();
            long cleared = file.getValue().getOrDefault(ada + "|", 0L);
            expectedCleared += cleared;
            Map<String, Long> blockers = new HashMap<>();
            file.getValue().forEach((key, n) -> {
                for (String email : key.replace("|", ",").split(",")) {
                    if (!email.isEmpty() && !email.equals(ada)) {
                        blockers.merge(contributorOf.getOrDefault(email, email), n, Long::sum);
                    }
                }
            });
            Map<String, Object> verdict = verdicts.getMap("files.find { it.path == '" + path + "' }");
            assertEquals(lines, ((Number) verdict.get("lines")).longValue(), path);
            assertEquals(cleared, ((Number) verdict.get("linesCleared")).longValue(), path);
            assertEquals(blockers.isEmpty(), verdict.get("cleared"), path);
            Map<String, Long> actual = new HashMap<>();
            verdicts.getList("files.find { it.path == '" + path + "' }.blockedBy", Map.class)
                    .forEach(b -> actual.put((String) b.get("contributor"), ((Number) b.get("lines")).longValue()));
            assertEquals(blockers, actual, path);
        }
        // Blamed by git: the block Grace moved within the file is still Ada's (-M), so the file is cleared.
        assertEquals(List.of(), verdicts.getList("files.find { it.path == 'src/Moved.java' }.blockedBy"));
        assertEquals(List.of("lib/Helpers.java", "src/Core.java", "docs/guide.md", "@notes.txt", ".mailmap",
                "README.md", "src/Moved.java"), verdicts.getList("files.path"));
        assertEquals("UNKNOWN_IDENTITY", verdicts.getString("files.find { it.path == 'docs/guide.md' }.blockedBy"
                + ".find { it.contributor == 'alan@" + domain + "' }.status"));

        assertEquals(git.total(), verdicts.getLong("totals.lines"));
        assertEquals(expectedCleared, verdicts.getLong("totals.linesCleared"));
        assertEquals(7, verdicts.getInt("totals.files"));
        assertEquals(3, verdicts.getInt("totals.filesCleared"));
        assertEquals(1, verdicts.getInt("totals.filesSkipped"));
        assertEquals(List.of(Map.of("path", "logo.png", "reason", "BINARY", "bytes", 8)), verdicts.getList("skipped"));
        assertEquals("GRANTED", verdicts.getString("contributors.find { it.contributor == 'ada-" + run + "' }.status"));
        assertEquals(expectedCleared, verdicts.getLong("contributors.find { it.contributor == 'ada-" + run
                + "' }.lines"));
        // Every blamed address is in the imported history, so none stands as NOT_IN_HISTORY.
        List<Object> statuses = verdicts.getList("files.blockedBy.flatten().status");
        assertEquals(List.of("NO_AGREEMENT", "UNKNOWN_IDENTITY"), statuses.stream().distinct().sorted().toList());
    }

    @Test
    void theVerdictsComeAsCsvWithFormulasDefused() {
        String csv = admin().header("Accept", "text/csv").queryParam("to", "Apache-2.0").get(files()).then()
                .statusCode(200).contentType(containsString("text/csv")).extract().asString();
        assertTrue(csv.startsWith(VerdictCsv.HEADER), csv);
        assertTrue(csv.contains("\"'@notes.txt\",\"1\",\"0\",\"false\""), csv);
        assertTrue(csv.contains("\"README.md\",\"2\",\"2\",\"true\",\"\",\"\",\"\""), csv);
        assertEquals(csv, admin().queryParam("format", "csv").queryParam("to", "Apache-2.0").get(files()).then()
                .statusCode(200).extract().asString());
        // Core.java, Helpers, Moved: one blocker each; the guide and the notes: two each; two cleared files.
        assertEquals(1 + 3 + 4 + 2, csv.split("\r\n").length);
    }

    @Test
    void aRevisionPicksItsBlame() {
        admin().queryParam("to", "MIT").queryParam("revision", fixture.head.substring(0, 8)).get(files()).then()
                .statusCode(200).body("revision", equalTo(fixture.head));
        admin().queryParam("to", "MIT").queryParam("revision", fixture.rewritten).get(files()).then().statusCode(404)
                .contentType("application/problem+json").body("detail", containsString("relicensing/blame"));
        admin().queryParam("to", "MIT").queryParam("revision", "HEAD~1").get(files()).then().statusCode(400)
                .body("field", equalTo("revision"));
    }

    @Test
    void theFilesComeAPageAtATime() {
        JsonPath whole = admin().queryParam("to", "Apache-2.0").get(files()).then().statusCode(200).extract()
                .jsonPath();
        List<String> everyFile = whole.getList("files.path");
        assertTrue(everyFile.size() > 2, everyFile.toString());
        List<String> paged = new java.util.ArrayList<>();
        String next = null;
        do {
            io.restassured.response.Response page = next == null
                    ? admin().queryParam("to", "Apache-2.0").queryParam("limit", 2).get(files())
                    : admin().get(next);
            page.then().statusCode(200).body("totals", equalTo(whole.getMap("totals")))
                    .body("page.total", equalTo(everyFile.size()));
            paged.addAll(page.jsonPath().getList("files.path"));
            next = page.jsonPath().getString("page.next");
            assertEquals(next == null ? null : "<" + next + ">; rel=\"next\"", page.header("Link"));
        } while (next != null);
        assertEquals(everyFile, paged);
        admin().queryParam("to", "Apache-2.0").queryParam("offset", "x").get(files()).then().statusCode(400)
                .body("field", equalTo("offset"));
    }

    @Test
    void badInputNamesTheField() {
        admin().queryParam("to", "Apache-2").get(files()).then().statusCode(400).body("field", equalTo("to"))
                .body("errors[0].suggestions", hasItem("Apache-2.0"));
        admin().get(files()).then().statusCode(400).body("field", equalTo("to"));
        admin().queryParam("to", "MIT").get("/api/repos/" + owner + "/never-blamed/relicensing/files").then()
                .statusCode(404).contentType("application/problem+json")
                .body("detail", containsString("run POST /api/repos/" + owner + "/never-blamed/relicensing/blame"));
        String blame = BlameFixture.blamePath(repository);
        for (String url : List.of("ssh://github.com/a/b", "git@github.com:a/b.git", "file:/etc",
                "https://user:secret@github.com/a/b", "ext::sh -c touch% /tmp/pwned", "")) {
            admin().body(Map.of("cloneUrl", url)).post(blame).then().statusCode(400).body("field", equalTo("cloneUrl"));
        }
        admin().body("{}").post(blame).then().statusCode(400).body("field", equalTo("cloneUrl"));
        for (String revision : List.of("--upload-pack=touch /tmp/x", "main; rm -rf /", "a b")) {
            admin().body(Map.of("cloneUrl", fixture.repo.dir.toUri().toString(), "revision", revision)).post(blame)
                    .then().statusCode(400).body("field", equalTo("revision"));
        }
        admin().get(blame + "/999999999").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theRoutesLiveBesideTheReport() {
        String relicensing = "/api/repos/" + repository + "/relicensing";
        admin().queryParam("to", "Apache-2.0").get(relicensing).then().statusCode(200)
                .body("repository", equalTo(repository)).body("contributors.status", hasItem("GRANTED"));
        admin().get(relicensing + "/blame").then().statusCode(200).body("[0].commit", equalTo(fixture.head));
        admin().queryParam("to", "Apache-2.0").get(relicensing + "/files").then().statusCode(200)
                .body("totals.files", equalTo(7));
    }

    /**
     * Lines judged by their commit's date: Ada signed the shipped agreement (it covers earlier contributions) and
     * revoked it now, so what she wrote in 2020 is cleared and what she wrote "in 2030" (git takes any author date)
     * is not; the report's overall status for her is the blocked one. A file with both kinds of lines is partly
     * cleared; a row of a blame made before dates were kept ('-infinity') takes her overall status.
     */
    @Test
    void eachLineIsJudgedByTheDateOfItsCommit() throws Exception {
        String dated = UUID.randomUUID().toString().substring(0, 8);
        String datedOwner = "verdict-dated-" + dated;
        String datedRepository = datedOwner + "/widget";
        String datedDomain = dated + ".example";
        long datedAdaId = 8_200_000_000L + Math.abs(dated.hashCode() % 1_000_000);
        String ada = "ada@" + datedDomain;
        String adaLogin = "ada-" + dated;
        UUID signature = SignedProject.create(datedOwner, datedDomain, datedAdaId, dated, people, signing,
                "FileVerdictsApiTest", List.of(Map.of("from", "2000-01-01", "spdx", "MIT")));
        QuarkusTransaction.requiringNew().run(() -> signing.revoke(Person.findByGithubId(datedAdaId).orElseThrow(),
                signature));

        GitRepo repo = new GitRepo();
        repo.write("src/Mixed.java", "class Mixed {\n    int a = 1;\n\n    int b = 2;\n}\n");
        repo.write("src/Old.java", "class Old {\n}\n");
        repo.commit("Ada", ada, "Before the revocation");
        repo.jumpTo(Instant.parse("2030-01-01T00:00:00Z"));
        repo.write("src/Mixed.java", "class Mixed {\n    int a = 1;\n\n    int b = 2;\n    int c = 3;\n"
                + "    int d = 4;\n}\n");
        repo.write("src/New.java", "class New {\n}\n");
        repo.commit("Ada", ada, "After the revocation");
        String head = repo.git("rev-parse", "HEAD").strip();
        String url = repo.dir.toUri().toString();
        admin().queryParam("wait", true).body(Map.of("cloneUrl", url)).post("/api/repos/" + datedRepository
                + "/history").then().statusCode(200).body("state", equalTo("DONE"));
        admin().queryParam("wait", true).body(Map.of("cloneUrl", url)).post(BlameFixture.blamePath(datedRepository))
                .then().statusCode(200).body("state", equalTo("DONE"));
        assertEquals("2020:4,2030:2", Sql.text("SELECT string_agg(to_char(authored_at AT TIME ZONE 'UTC', 'YYYY')"
                + " || ':' || lines, ',' ORDER BY authored_at) FROM surviving_lines WHERE repository = ?"
                + " AND revision = ? AND path = 'src/Mixed.java'", datedRepository, head));

        String files = "/api/repos/" + datedRepository + "/relicensing/files";
        JsonPath verdicts = admin().queryParam("to", "Apache-2.0").get(files).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(List.of("src/Mixed.java", "src/New.java", "src/Old.java"), verdicts.getList("files.path"));
        assertEquals(Map.of("path", "src/Mixed.java", "lines", 6, "linesCleared", 4, "cleared", false, "blockedBy",
                List.of(Map.of("contributor", adaLogin, "status", "NO_AGREEMENT", "lines", 2))),
                verdicts.getMap("files[0]"));
        assertEquals(Map.of("path", "src/New.java", "lines", 2, "linesCleared", 0, "cleared", false, "blockedBy",
                List.of(Map.of("contributor", adaLogin, "status", "NO_AGREEMENT", "lines", 2))),
                verdicts.getMap("files[1]"));
        assertEquals(Map.of("path", "src/Old.java", "lines", 2, "linesCleared", 2, "cleared", true, "blockedBy",
                List.of()), verdicts.getMap("files[2]"));
        // Her overall status is the blocked one; her lines say how much of her code is cleared all the same.
        assertEquals(List.of(Map.of("contributor", adaLogin, "emails", List.of(ada), "status", "NO_AGREEMENT",
                "cleared", false, "lines", 10, "linesCleared", 6, "files", 3)), verdicts.getList("contributors"));
        assertEquals(6, verdicts.getLong("totals.linesCleared"));
        assertEquals(1, verdicts.getInt("totals.filesCleared"));
        String csv = admin().queryParam("format", "csv").queryParam("to", "Apache-2.0").get(files).then()
                .statusCode(200).extract().asString();
        assertTrue(csv.contains("\"src/Mixed.java\",\"6\",\"4\",\"false\",\"" + adaLogin + "\",\"NO_AGREEMENT\",\"2\""),
                csv);

        // A row from before dates were kept: its date unknown, it takes her overall status, not her 2020 one.
        Sql.update("INSERT INTO surviving_lines (repository, revision, path, author_email, lines)"
                + " VALUES (?, ?, 'src/Undated.java', ?, 3)", datedRepository, head, ada);
        admin().queryParam("to", "Apache-2.0").get(files).then().statusCode(200)
                .body("files.find { it.path == 'src/Undated.java' }.linesCleared", equalTo(0))
                .body("files.find { it.path == 'src/Undated.java' }.blockedBy", equalTo(List.of(Map.of("contributor",
                        adaLogin, "status", "NO_AGREEMENT", "lines", 3))))
                .body("contributors[0].lines", equalTo(13)).body("contributors[0].linesCleared", equalTo(6));
    }
}
