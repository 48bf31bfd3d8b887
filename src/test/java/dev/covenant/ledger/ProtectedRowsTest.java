package dev.covenant.ledger;

import static dev.covenant.Api.admin;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import dev.covenant.Sql;
import dev.covenant.signing.SigningFlowTest;
import dev.covenant.web.WebClient;

/**
 * The rows the ledger speaks for: the database refuses to change them, and a change made behind its back (triggers
 * disabled by a superuser) is named by verify with its table and id.
 */
@QuarkusTest
class ProtectedRowsTest {

    @ParameterizedTest
    @CsvSource({"signature, fields", "signature_revocation, revoked_at", "corporate_agreement, company",
            "corporate_revocation, revoked_at", "approval, value", "approval_removal, removed_at",
            "cla_manager, login", "consent, note"})
    void theDatabaseRefusesUpdateDeleteAndTruncate(String table, String column) throws SQLException {
        assertRefused(table, "UPDATE", "UPDATE " + table + " SET " + column + " = " + column);
        assertRefused(table, "DELETE", "DELETE FROM " + table);
        assertRefused(table, "TRUNCATE", "TRUNCATE " + table + " CASCADE");
    }

    /** Each statement in a transaction that is rolled back whatever happens, so a missing trigger harms nothing. */
    private static void assertRefused(String table, String operation, String sql) throws SQLException {
        try (Connection c = Sql.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            try {
                SQLException e = assertThrows(SQLException.class, () -> s.executeUpdate(sql), sql);
                assertEquals("23001", e.getSQLState(), e::getMessage);
                assertThat(e.getMessage(), containsString(table + " is append-only: " + operation + " refused"));
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void aSignatureEditedWithTriggersDisabledIsNamedByVerify() throws SQLException {
        String id = signAndRevoke();
        assertIntact();
        String fields = Sql.text("SELECT fields FROM signature WHERE id = ?::uuid", id);
        try {
            behindTheBack("signature",
                    "UPDATE signature SET fields = '{\"name\":\"Mallory\"}' WHERE id = '" + id + "'");
            JsonPath verdict = admin().get("/api/ledger/verify").then().statusCode(200).extract().jsonPath();
            assertEquals(false, verdict.getBoolean("intact"));
            assertNull(verdict.get("firstBroken"), "the chain itself is whole");
            assertThat(verdict.getList("tamperedRows.table"), hasItem("signature"));
            assertThat(verdict.getList("tamperedRows.id"), hasItem(id));
            assertThat(verdict.getString("tamperedRows.find { it.id == '" + id + "' }.reason"),
                    containsString("differs from what entry"));
        } finally {
            behindTheBack("signature", "UPDATE signature SET fields = '" + fields.replace("'", "''")
                    + "' WHERE id = '" + id + "'");
        }
        assertIntact();
    }

    @Test
    void aDeletedRevocationIsNamedByVerify() throws SQLException {
        String id = signAndRevoke();
        String revokedAt = Sql.text("SELECT revoked_at::text FROM signature_revocation WHERE signature_id = ?::uuid",
                id);
        String seq = Sql.text("SELECT ledger_seq FROM signature_revocation WHERE signature_id = ?::uuid", id);
        try {
            behindTheBack("signature_revocation", "DELETE FROM signature_revocation WHERE signature_id = '" + id + "'");
            admin().get("/api/ledger/verify").then().statusCode(200).body("intact", equalTo(false))
                    .body("tamperedRows.find { it.id == '" + id + "' }.table", equalTo("signature_revocation"))
                    .body("tamperedRows.find { it.id == '" + id + "' }.reason", equalTo("the row is gone"));
        } finally {
            behindTheBack("signature_revocation",
                    "INSERT INTO signature_revocation (signature_id, revoked_at, ledger_seq)"
                            + " VALUES ('" + id + "', '" + revokedAt + "', " + seq + ")");
        }
        assertIntact();
    }

    @Test
    void aChangedRecordingTimeBreaksTheChainAtItsEntry() throws SQLException {
        String id = signAndRevoke();
        long seq = Long.parseLong(Sql.text("SELECT ledger_seq FROM signature WHERE id = ?::uuid", id));
        try {
            behindTheBack("ledger_entry",
                    "UPDATE ledger_entry SET recorded_at = recorded_at - interval '1 day' WHERE seq = " + seq);
            admin().get("/api/ledger/verify").then().statusCode(200).body("intact", equalTo(false))
                    .body("firstBroken.seq", equalTo((int) seq))
                    .body("firstBroken.reason", containsString("hash does not match"));
        } finally {
            behindTheBack("ledger_entry",
                    "UPDATE ledger_entry SET recorded_at = recorded_at + interval '1 day' WHERE seq = " + seq);
        }
        admin().get("/api/ledger/verify").then().body("intact", equalTo(true))
                .body("tamperedRowCount", equalTo(0));
    }

    static void assertIntact() {
        String verdict = admin().get("/api/ledger/verify").then().statusCode(200).extract().asString();
        assertEquals(true, JsonPath.from(verdict).getBoolean("intact"), verdict);
    }

    @Test
    void aRowInsertedWithoutAnEntryIsNamedByVerify() throws SQLException {
        WebClient manager = WebClient.signIn(SigningFlowTest.newUser("forge"));
        String corporateId = manager.signCorporate("Forge Inc");
        manager.approve(corporateId, "DOMAIN", "forge.example").then().statusCode(303);
        String approval = Sql.text("SELECT id FROM approval WHERE corporate_id = ?::uuid",
                UUID.fromString(corporateId));
        // Inserts are allowed: a removal slipped in this way would end the company's approval unseen.
        Sql.update("INSERT INTO approval_removal (approval_id, removed_at, ledger_seq)"
                + " VALUES (?, now(), (SELECT max(seq) FROM ledger_entry))", Long.parseLong(approval));
        try {
            admin().get("/api/ledger/verify").then().statusCode(200).body("intact", equalTo(false))
                    .body("tamperedRows.find { it.id == '" + approval + "' }.table", equalTo("approval_removal"))
                    .body("tamperedRows.find { it.id == '" + approval + "' }.seq", nullValue())
                    .body("tamperedRows.find { it.id == '" + approval + "' }.reason",
                            containsString("no ledger entry"));
        } finally {
            behindTheBack("approval_removal", "DELETE FROM approval_removal WHERE approval_id = " + approval);
        }
        assertIntact();
    }

    @Inject
    RowAnchoring anchoring;

    @Test
    void aRowWrittenBeforeV20IsAnchoredAndThenProtected() throws SQLException {
        WebClient manager = WebClient.signIn(SigningFlowTest.newUser("older"));
        String corporateId = manager.signCorporate("Older Ltd");
        // A revocation as the V20 migration carries one over: no entry of its own, no ledger reference.
        Sql.update("INSERT INTO corporate_revocation (corporate_id, revoked_at) VALUES (?, now())",
                UUID.fromString(corporateId));
        while (QuarkusTransaction.requiringNew().call(() -> anchoring.anchorOlderThan(1)) > 0) {
            // until none is left
        }
        assertEquals("ledger.row.anchored", Sql.text("SELECT kind FROM ledger_entry WHERE row_table ="
                + " 'corporate_revocation' AND row_id = ?", corporateId));
        assertIntact();
        try {
            behindTheBack("corporate_revocation", "UPDATE corporate_revocation SET revoked_at = revoked_at + interval"
                    + " '1 year' WHERE corporate_id = '" + corporateId + "'");
            admin().get("/api/ledger/verify").then().statusCode(200).body("intact", equalTo(false))
                    .body("tamperedRows.find { it.id == '" + corporateId + "' }.table",
                            equalTo("corporate_revocation"));
        } finally {
            behindTheBack("corporate_revocation", "UPDATE corporate_revocation SET revoked_at = revoked_at - interval"
                    + " '1 year' WHERE corporate_id = '" + corporateId + "'");
        }
        assertIntact();
    }

    /** A signature made and revoked through the pages, as a contributor would; its id. */
    private static String signAndRevoke() throws SQLException {
        String login = SigningFlowTest.newUser("tamper");
        WebClient client = WebClient.signIn(login);
        String csrf = client.csrf();
        String receipt = client.signIndividual(csrf, Map.of("name", "Tam Per", "email", login + "@example.org"))
                .then().statusCode(303).extract().header("Location");
        String id = receipt.substring(receipt.lastIndexOf('/') + 1);
        client.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf)
                .post("/signatures/" + id + "/revoke").then().statusCode(303);
        return id;
    }

    /** What a superuser can do: switch a table's triggers off, change it, switch them on, all in one commit. */
    static void behindTheBack(String table, String sql) throws SQLException {
        try (Connection c = Sql.connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("ALTER TABLE " + table + " DISABLE TRIGGER USER");
            s.executeUpdate(sql);
            // Deferred foreign-key checks would otherwise still be pending, which ALTER TABLE does not allow.
            s.execute("SET CONSTRAINTS ALL IMMEDIATE");
            s.execute("ALTER TABLE " + table + " ENABLE TRIGGER USER");
            c.commit();
        }
    }
}
