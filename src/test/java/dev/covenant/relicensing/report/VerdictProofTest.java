package dev.covenant.relicensing.report;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import dev.covenant.Sql;
import dev.covenant.api.Sha256;
import dev.covenant.checks.InstalledRepositories;
import dev.covenant.github.FakeRepo;
import dev.covenant.relicensing.history.GitRepo;
import dev.covenant.relicensing.history.HistoryImportTest;
import dev.covenant.web.WebClient;

/**
 * Every verdict carries its proof: a signed contributor's row names the signature's text hash and ledger entry, an
 * employee's the corporate agreement's and the approval line's, in JSON, CSV and the evidence bundle, which also names
 * the import it judged; and an agreement version answers the ledger entry of its publication.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VerdictProofTest {

    final String run = UUID.randomUUID().toString().substring(0, 8);
    final String domain = "proof-" + run + ".example";
    FakeRepo repo;
    String name;
    String signer;
    String corporate;
    GitRepo git;
    String uploaded;

    @BeforeEach
    void history() throws IOException {
        if (repo != null) {
            return;
        }
        repo = InstalledRepositories.installed("\"licenses\":[{\"from\":\"2000-01-01\",\"spdx\":\"MIT\"}]",
                "\"corporateAgreement\":\"corporate\"");
        name = repo.fullName().toLowerCase();
        WebClient company = WebClient.signIn(InstalledRepositories.user("cso"));
        corporate = company.signCorporate("Proof Corp");
        company.approve(corporate, "DOMAIN", domain).then().statusCode(303);
        signer = InstalledRepositories.user("signer");
        WebClient person = WebClient.signIn(signer);
        person.signIndividual(person.csrf(), Map.of("name", "Signer", "email", signer + "@example.org")).then()
                .statusCode(303);
        git = new GitRepo();
        git.write("a.txt", "one\n");
        git.commit("Signer", signer + "@example.org", "First");
        git.write("b.txt", "two\n");
        git.commit("Dev", "dev@" + domain, "Second");
        git.write("c.txt", "three\n");
        git.commit("Stranger", "stranger@" + run + ".example", "Third");
        uploaded = git.git(HistoryImportTest.LOG_ARGS);
        admin().contentType("text/plain").queryParam("wait", true).body(uploaded.getBytes(StandardCharsets.UTF_8))
                .post("/api/repos/" + name + "/history").then().statusCode(200).body("state", equalTo("DONE"));
    }

    private String row(String email) {
        return "contributors.find { it.emails.contains('" + email + "') }";
    }

    @Test
    void aSignedRowNamesTheTextItSignedAndItsLedgerEntry() throws SQLException {
        JsonPath report = admin().queryParam("to", "Apache-2.0").get("/api/repos/" + name + "/relicensing").then()
                .statusCode(200).extract().jsonPath();
        String signature = Sql.text("SELECT s.id::text FROM signature s JOIN person p ON p.github_id = s.github_id"
                + " WHERE p.login = ?", signer);
        String own = row(signer + "@example.org");
        assertEquals("GRANTED", report.getString(own + ".status"));
        assertEquals(signature, report.getString(own + ".grant.id"));
        assertEquals(Sql.text("SELECT text_sha256 FROM signature WHERE id = ?::uuid", signature),
                report.getString(own + ".grant.textSha256"));
        assertEquals(Sql.text("SELECT ledger_seq::text FROM signature WHERE id = ?::uuid", signature),
                report.getString(own + ".grant.ledger.seq"));
        assertEquals(Sql.text("SELECT l.hash FROM signature s JOIN ledger_entry l ON l.seq = s.ledger_seq"
                + " WHERE s.id = ?::uuid", signature), report.getString(own + ".grant.ledger.hash"));
        assertEquals(report.getString(own + ".grant.ledger.hash"),
                report.getString(own + ".periods[0].grant.ledger.hash"));

        String dev = row("dev@" + domain);
        assertEquals("GRANTED", report.getString(dev + ".status"));
        assertEquals(corporate, report.getString(dev + ".grant.id"));
        assertEquals("DOMAIN", report.getString(dev + ".grant.approval.criterion"));
        assertEquals(domain, report.getString(dev + ".grant.approval.value"));
        assertEquals(Sql.text("SELECT ledger_seq::text FROM approval WHERE corporate_id = ?::uuid", corporate),
                report.getString(dev + ".grant.approval.ledger.seq"));
        assertEquals(Sql.text("SELECT ledger_seq::text FROM corporate_agreement WHERE id = ?::uuid", corporate),
                report.getString(dev + ".grant.ledger.seq"));
        assertEquals(Sql.text("SELECT v.sha256 FROM corporate_agreement c JOIN agreement_version v"
                + " ON v.id = c.agreement_version_id WHERE c.id = ?::uuid", corporate),
                report.getString(dev + ".grant.textSha256"));
        assertEquals(null, report.getString(row("stranger@" + run + ".example") + ".grant"));

        String csv = admin().queryParam("to", "Apache-2.0").queryParam("format", "csv")
                .get("/api/repos/" + name + "/relicensing").then().statusCode(200).extract().asString();
        assertTrue(csv.startsWith(ReportCsv.HEADER), csv);
        String devLine = Arrays.stream(csv.split("\r\n")).filter(l -> l.contains("dev@" + domain)).findFirst()
                .orElseThrow();
        assertTrue(devLine.endsWith(String.join(",", List.of(q(corporate),
                q(report.getString(dev + ".grant.textSha256")), q(report.getString(dev + ".grant.ledger.seq")),
                q(report.getString(dev + ".grant.ledger.hash")), q("DOMAIN"), q(domain),
                q(report.getString(dev + ".grant.approval.ledger.seq")),
                q(report.getString(dev + ".grant.approval.ledger.hash"))))), devLine);
    }

    private static String q(String cell) {
        return "\"" + cell + "\"";
    }

    @Test
    void anAgreementVersionNamesTheLedgerEntryThatPublishedIt() throws SQLException {
        JsonPath version = admin().get("/api/agreements/individual/versions/latest").then().statusCode(200).extract()
                .jsonPath();
        String seq = Sql.text("SELECT seq::text FROM ledger_entry WHERE kind = 'agreement.version.published'"
                + " AND event::jsonb ->> 'agreement' = 'individual' AND event::jsonb ->> 'version' = ?",
                version.getString("version"));
        assertEquals(seq, version.getString("ledgerEntry.seq"));
        assertEquals(Sql.text("SELECT hash FROM ledger_entry WHERE seq = ?::bigint", seq),
                version.getString("ledgerEntry.hash"));
        assertEquals(seq, admin().get("/api/agreements/individual/versions").then().statusCode(200).extract()
                .jsonPath().getString("find { it.version == '" + version.getString("version") + "' }.ledgerEntry.seq"));
    }

    @Test
    void theEvidenceBundleNamesTheImportItJudgedAndEveryGrantsProof() throws SQLException {
        String campaigns = "/api/repos/" + name + "/campaigns";
        long id = admin().body(Map.of("to", "Apache-2.0")).post(campaigns).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        JsonPath bundle = JsonPath.from(admin().post(campaigns + "/" + id + "/close").then().statusCode(200).extract()
                .asString());
        assertEquals(Sql.text("SELECT max(i.id)::text FROM history_import i JOIN job j ON j.id = i.job_id"
                + " WHERE i.repository = ? AND j.state = 'DONE'", name),
                bundle.getString("import.id"));
        assertEquals(git.git("rev-parse", "HEAD").strip(), bundle.getString("import.headCommit"));
        assertEquals(Sha256.hex(uploaded), bundle.getString("import.historySha256"),
                "the SHA-256 of the uploaded history, byte for byte");
        String dev = row("dev@" + domain);
        assertEquals("DOMAIN", bundle.getString(dev + ".grant.approval.criterion"));
        assertEquals(Sql.text("SELECT ledger_seq::text FROM approval WHERE corporate_id = ?::uuid", corporate),
                bundle.getString(dev + ".grant.approval.ledger.seq"));
        String own = row(signer + "@example.org");
        assertEquals(Sql.text("SELECT s.text_sha256 FROM signature s JOIN person p ON p.github_id = s.github_id"
                + " WHERE p.login = ?", signer), bundle.getString(own + ".grant.textSha256"));
    }
}
