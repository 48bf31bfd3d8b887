package dev.covenant.ledger;

import static dev.covenant.Api.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;

import jakarta.inject.Inject;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;

/** The published head: signed with the published key, and enough to detect a deleted tail later. */
@QuarkusTest
class LedgerHeadTest {

    @Inject
    Ledger ledger;

    @Inject
    LedgerHeads heads;

    @Test
    void theHeadIsSignedWithThePublishedKey() throws Exception {
        append("test.head");
        JsonPath key = given().get("/api/ledger/key").then().statusCode(200).body("algorithm", equalTo("Ed25519"))
                .extract().jsonPath();
        JsonPath head = given().get("/api/ledger/head").then().statusCode(200).extract().jsonPath();
        assertEquals(Sql.text("SELECT max(seq) FROM ledger_entry"), head.getString("seq"));
        assertEquals(Sql.text("SELECT hash FROM ledger_entry ORDER BY seq DESC LIMIT 1"), head.getString("hash"));
        assertEquals(key.getString("keyId"), head.getString("keyId"));

        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key.getString("publicKey"))));
        String signed = "covenant-ledger-head\n" + head.getLong("seq") + "\n" + head.getString("hash") + "\n"
                + Instant.parse(head.getString("recordedAt"));
        assertTrue(verifies(publicKey, signed, head.getString("signature")));
        assertFalse(verifies(publicKey, signed.replace("\n" + head.getLong("seq") + "\n",
                "\n" + (head.getLong("seq") - 1) + "\n"), head.getString("signature")), "another seq fails");
    }

    @Test
    void aDeletedTailIsDetectedAgainstASavedHead() throws SQLException {
        append("test.tail");
        append("test.tail");
        JsonPath head = given().get("/api/ledger/head").then().extract().jsonPath();
        long seq = head.getLong("seq");
        String saved = seq + ":" + head.getString("hash");
        admin().queryParam("head", saved).get("/api/ledger/verify").then().statusCode(200)
                .body("intact", equalTo(true)).body("savedHead.matches", equalTo(true));

        try (Connection c = Sql.connect(); Statement s = c.createStatement()) {
            // No append may take the deleted numbers meanwhile: this session holds the ledger's append lock.
            s.execute("SELECT pg_advisory_lock(" + Ledger.APPEND_LOCK + ")");
            // The tail is kept in this session's temporary table to be put back.
            s.execute("CREATE TEMP TABLE tail AS SELECT * FROM ledger_entry WHERE seq >= " + (seq - 1));
            s.execute("SET session_replication_role = replica");
            s.executeUpdate("DELETE FROM ledger_entry WHERE seq >= " + (seq - 1));
            try {
                // Without a saved head the shortened chain looks whole: that is why heads are stored elsewhere.
                admin().get("/api/ledger/verify").then().body("intact", equalTo(true));
                admin().queryParam("head", saved).get("/api/ledger/verify").then().statusCode(200)
                        .body("intact", equalTo(false)).body("savedHead.matches", equalTo(false))
                        .body("savedHead.reason", containsString("ends at entry " + (seq - 2)))
                        .body("savedHead.reason", containsString("deleted"));
            } finally {
                s.executeUpdate("INSERT INTO ledger_entry SELECT * FROM tail");
                s.execute("SELECT pg_advisory_unlock(" + Ledger.APPEND_LOCK + ")");
            }
        }
        admin().queryParam("head", saved).get("/api/ledger/verify").then().body("intact", equalTo(true));
    }

    @Test
    void aRewrittenChainDoesNotMatchTheSavedHash() {
        append("test.rewrite");
        JsonPath head = given().get("/api/ledger/head").then().extract().jsonPath();
        admin().queryParam("head", head.getLong("seq") + ":" + "0".repeat(64)).get("/api/ledger/verify").then()
                .statusCode(200).body("intact", equalTo(false)).body("savedHead.matches", equalTo(false))
                .body("savedHead.reason", containsString("rewritten"));
    }

    @Test
    void aMalformedHeadIsABadRequestNamingIt() {
        admin().queryParam("head", "12:nothex").get("/api/ledger/verify").then().statusCode(400)
                .contentType("application/problem+json").body(containsString("head"));
    }

    @Test
    void oneSignedHeadEntryIsWrittenADay() throws Exception {
        heads.recordDailyHead();
        assertFalse(heads.recordDailyHead(), "a second one the same day");
        Instant startOfDay = LocalDate.now(ZoneOffset.UTC).atStartOfDay(ZoneOffset.UTC).toInstant();
        assertEquals("1", Sql.text("SELECT count(*) FROM ledger_entry WHERE kind = 'ledger.head' AND recorded_at >= ?",
                java.sql.Timestamp.from(startOfDay)));
        String event = Sql.text("SELECT event FROM ledger_entry WHERE kind = 'ledger.head' ORDER BY seq DESC LIMIT 1");
        var node = CanonicalJson.read(event);
        assertEquals(Sql.text("SELECT hash FROM ledger_entry WHERE seq = ?", node.get("seq").asLong()),
                node.get("hash").asText(), "it names an earlier entry by its hash");
        String key = given().get("/api/ledger/key").then().extract().path("publicKey");
        PublicKey publicKey = KeyFactory.getInstance("Ed25519")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(key)));
        assertTrue(verifies(publicKey, LedgerHeads.signedText(node.get("seq").asLong(), node.get("hash").asText(),
                Instant.parse(node.get("recordedAt").asText())), node.get("signature").asText()));
    }

    private void append(String kind) {
        QuarkusTransaction.requiringNew()
                .run(() -> ledger.append(kind, JsonNodeFactory.instance.objectNode().put("at", System.nanoTime())));
    }

    private static boolean verifies(PublicKey key, String text, String signature) throws Exception {
        Signature verifier = Signature.getInstance("Ed25519");
        verifier.initVerify(key);
        verifier.update(text.getBytes(StandardCharsets.UTF_8));
        return verifier.verify(Base64.getDecoder().decode(signature));
    }
}
