package dev.covenant.signing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.covenant.Api;
import dev.covenant.Sql;
import dev.covenant.agreement.Agreement;
import dev.covenant.agreement.AgreementVersion;
import dev.covenant.api.Sha256;
import dev.covenant.github.FakeEmail;
import dev.covenant.ledger.LedgerVerifier;
import dev.covenant.web.WebClient;

/**
 * Signatures made elsewhere come in whole or not at all, once, each with its source in its row and its ledger entry;
 * compared with what the files hold, not with what the importer says it did.
 */
@QuarkusTest
class SignatureImportTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    LedgerVerifier verifier;

    private static String latestVersion() {
        return QuarkusTransaction.requiringNew().call(() -> AgreementVersion
                .findLatest(Agreement.findBySlug("individual").orElseThrow()).orElseThrow().version);
    }

    private static String path(String version) {
        return "/api/agreements/individual/versions/" + version + "/signatures/import";
    }

    /** A Lite file as the Action writes it: 300 people, five of them twice, one account since deleted. */
    private static String liteFile(long first) {
        ArrayNode list = JSON.createArrayNode();
        for (int i = 0; i < 300; i++) {
            list.add(entry(first + i, "lite-" + (first + i), i));
        }
        for (int i = 0; i < 5; i++) {
            list.add(entry(first + i, "lite-" + (first + i), 300 + i));
        }
        // GitHub shows a deleted account's comments as "ghost"; the id in the file is still the signer's.
        list.add(entry(first + 300, "ghost", 400));
        ObjectNode root = JSON.createObjectNode();
        root.set("signedContributors", list);
        return root.toPrettyString();
    }

    private static ObjectNode entry(long id, String login, int n) {
        ObjectNode e = JSON.createObjectNode();
        e.put("name", login);
        e.put("id", id);
        e.put("comment_id", 900_000 + n);
        e.put("created_at", Instant.parse("2022-01-01T10:00:00Z").plusSeconds(3600L * n).toString());
        e.put("repoId", 4242);
        e.put("pullRequestNo", 1 + n % 40);
        return e;
    }

    private static long count(String sql, Object... args) {
        return Long.parseLong(Sql.textUnchecked(sql, args));
    }

    private static long signaturesBetween(long first, long last) {
        return count("SELECT count(*) FROM signature WHERE github_id BETWEEN ? AND ?", first, last);
    }

    private static long ledgerEntries() {
        return count("SELECT count(*) FROM ledger_entry");
    }

    @Test
    void aLiteFileIsImportedOnceWithItsSourceAndADryRunChangesNothing() throws Exception {
        long first = 7_100_000_000L + (System.nanoTime() % 100_000) * 1_000;
        String version = latestVersion();
        String file = liteFile(first);
        long ledgerBefore = ledgerEntries();

        JsonNode dry = JSON.readTree(Api.admin().body(file).post(path(version) + "?dryRun=true").then()
                .statusCode(200).extract().asString());
        assertEquals(306, dry.get("records").asInt());
        assertEquals(301, dry.get("added").asInt());
        assertEquals(5, dry.get("duplicates").asInt());
        assertEquals(0, dry.get("alreadyPresent").asInt());
        assertTrue(dry.get("dryRun").asBoolean());
        assertEquals(0, signaturesBetween(first, first + 300), "a dry run writes nothing");
        assertEquals(ledgerBefore, ledgerEntries());

        JsonNode done = JSON.readTree(
                Api.admin().body(file).post(path(version)).then().statusCode(200).extract().asString());
        assertEquals(301, done.get("added").asInt());
        assertEquals(Sha256.hex(file), done.get("file").asText());
        assertEquals(301, signaturesBetween(first, first + 300));
        assertEquals(ledgerBefore + 301, ledgerEntries());
        assertEquals(301, count("SELECT count(*) FROM ledger_entry WHERE kind = 'signature.imported'"
                + " AND (event::jsonb ->> 'githubId')::bigint BETWEEN ? AND ?", first, first + 300));
        // Dated as recorded, the first occurrence of a person twice in the file, the source in the row.
        assertEquals(Instant.parse("2022-01-01T12:00:00Z").toString(), Instant.parse(Sql.textUnchecked(
                "SELECT to_char(signed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS\"Z\"') FROM signature"
                        + " WHERE github_id = ?",
                first + 2)).toString());
        JsonNode source = JSON.readTree(Sql.textUnchecked("SELECT import_source FROM signature WHERE github_id = ?",
                first + 2));
        assertEquals(Sha256.hex(file), source.get("file").asText());
        assertEquals("signedContributors[2]", source.get("place").asText());
        assertEquals(900_002, source.get("record").get("comment_id").asInt());
        assertEquals("ghost", Sql.textUnchecked("SELECT login FROM person WHERE github_id = ?", first + 300));
        assertTrue(verifier.verify().intact(), "the ledger verifies after the import");

        JsonNode again = JSON.readTree(
                Api.admin().body(file).post(path(version)).then().statusCode(200).extract().asString());
        assertEquals(0, again.get("added").asInt());
        assertEquals(306, again.get("alreadyPresent").asInt());
        assertEquals(301, signaturesBetween(first, first + 300), "the same file twice adds nothing");
        assertEquals(ledgerBefore + 301, ledgerEntries());
        assertTrue(verifier.verify().intact());

        // The export says where each imported signature came from.
        String csv = Api.admin().accept("text/csv").get("/api/agreements/individual/signatures").then()
                .statusCode(200).extract().asString();
        assertTrue(csv.contains("signedContributors[2]"), "the CSV export names the source");
    }

    @Test
    void aCsvExportIsImportedWithItsExtraColumnsAndLoginsLookedUpOnGitHub() throws Exception {
        long first = 7_200_000_000L + (System.nanoTime() % 100_000) * 1_000;
        String version = latestVersion();
        for (int i = 0; i < 3; i++) {
            WebClient.github().addUser(first + i, "csv-" + (first + i), "Csv " + i,
                    List.of(FakeEmail.primaryVerified("csv-" + (first + i) + "@example.org")));
        }
        String file = "login,signed_at,Full name,Company\r\n" + "csv-" + first
                + ",2021-05-06,Ada Lovelace,\"Analytical,"
                + " Ltd\"\r\n" + "csv-" + (first + 1) + ",2021-05-07T08:09:10Z,Grace Hopper,Navy\r\n" + "csv-"
                + (first + 2) + ",2021-05-08,Katherine Johnson,NASA\r\n";
        JsonNode done = JSON.readTree(Api.admin().contentType("text/csv").body(file).post(path(version)).then()
                .statusCode(200).extract().asString());
        assertEquals(3, done.get("added").asInt());
        JsonNode fields = JSON.readTree(Sql.textUnchecked("SELECT fields FROM signature WHERE github_id = ?", first));
        assertEquals("Analytical, Ltd", fields.get("Company").asText());
        assertEquals("Ada Lovelace", fields.get("Full name").asText());
        assertEquals("line 2",
                JSON.readTree(Sql.textUnchecked("SELECT import_source FROM signature WHERE github_id = ?",
                        first)).get("place").asText());

        // A login GitHub does not know: listed by a dry run, refused by an import, which then imports nothing.
        String unknown = "login,signed_at\r\ncsv-" + (first + 3) + "x,2021-05-06\r\nnobody-" + first
                + "-here,2021-05-06\r\n";
        WebClient.github().addUser(first + 3, "csv-" + (first + 3) + "x", "Csv 3", List.of());
        JsonNode dry = JSON
                .readTree(Api.admin().contentType("text/csv").body(unknown).post(path(version) + "?dryRun=true")
                        .then().statusCode(200).extract().asString());
        assertEquals(1, dry.get("unknownLogins").asInt());
        assertEquals("line 3", dry.get("unknown").get(0).get("place").asText());
        Api.admin().contentType("text/csv").body(unknown).post(path(version)).then().statusCode(400)
                .contentType(containsString("application/problem+json")).body("field", equalTo("line 3"));
        assertEquals(0, signaturesBetween(first + 3, first + 3), "nothing imported from a refused file");
    }

    @Test
    void malformedFilesAreRefusedWithThePlaceAndNothingIsImported() {
        long first = 7_300_000_000L + (System.nanoTime() % 100_000) * 1_000;
        String version = latestVersion();
        long ledgerBefore = ledgerEntries();
        String badDate = "{\"signedContributors\": [{\"name\": \"a\", \"id\": " + first
                + ", \"created_at\": \"2021-01-01T00:00:00Z\"}, {\"name\": \"b\", \"id\": " + (first + 1)
                + ", \"created_at\": \"last Tuesday\"}]}";
        Response refused = Api.admin().body(badDate).post(path(version));
        refused.then().statusCode(400).body("field", equalTo("signedContributors[1].created_at"));
        Api.admin().body("{\"signedContributors\": [").post(path(version)).then().statusCode(400)
                .body("field", equalTo("file"));
        Api.admin().body("{\"signedContributors\": [").post(path(version) + "?dryRun=true").then().statusCode(400);
        Api.admin().contentType("text/csv").body("name,email\r\nAda,a@example.org\r\n").post(path(version)).then()
                .statusCode(400).body("field", equalTo("line 1"));
        Api.admin().contentType("text/csv").body("login,signed_at\r\nada,2021-01-01,extra\r\n").post(path(version))
                .then().statusCode(400).body("field", equalTo("line 2"));
        Api.admin().body(badDate).post(path(version) + "?dryRun=maybe").then().statusCode(400)
                .body("field", equalTo("dryRun"));
        Api.admin().body(badDate).post(path("99.0")).then().statusCode(404);
        Api.anonymous().body(badDate).post(path(version)).then().statusCode(401);
        assertEquals(0, signaturesBetween(first, first + 1));
        assertEquals(ledgerBefore, ledgerEntries());
    }
}
