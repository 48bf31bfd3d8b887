package dev.covenant.ledger;

import static dev.covenant.Api.admin;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;

@QuarkusTest
class LedgerVerificationTest {

    @Test
    void theChainVerifiesAfterPublications() {
        admin().get("/api/ledger/verify").then().statusCode(200)
                .body("intact", equalTo(true))
                .body("entries", greaterThan(1))
                .body("firstBroken", nullValue());
        admin().get("/api/ledger?after=0&limit=1").then().statusCode(200)
                .body("[0].seq", equalTo(1))
                .body("[0].prevHash", equalTo(LedgerChain.GENESIS));
    }

    @Test
    void theDatabaseRefusesToChangeOrDeleteEntries() {
        assertRefused("UPDATE", "UPDATE ledger_entry SET kind = 'x' WHERE seq = 1");
        assertRefused("DELETE", "DELETE FROM ledger_entry WHERE seq = 1");
        // Without CASCADE the foreign keys to the ledger refuse a TRUNCATE before any trigger runs, so that would
        // not show the trigger at work.
        assertRefused("TRUNCATE", "TRUNCATE ledger_entry CASCADE");
    }

    private static void assertRefused(String operation, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> Sql.update(sql));
        assertEquals("23001", e.getSQLState(), e::getMessage);
        assertThat(e.getMessage(), containsString("ledger_entry is append-only: " + operation + " refused"));
    }

    @Test
    void anEntryEditedBehindTheServicesBackIsNamedByVerify() throws SQLException {
        String original = Sql.text("SELECT event FROM ledger_entry WHERE seq = 2");
        try {
            tamper("UPDATE ledger_entry SET event = replace(event, '\"version\"', '\"versioN\"') WHERE seq = 2");
            admin().get("/api/ledger/verify").then().statusCode(200)
                    .body("intact", equalTo(false))
                    .body("entries", equalTo(1))
                    .body("firstBroken.seq", equalTo(2))
                    .body("firstBroken.reason", containsString("hash does not match"));
        } finally {
            try (Connection c = Sql.connect();
                    var ps = c.prepareStatement(
                            "UPDATE ledger_entry SET event = ? WHERE seq = 2")) {
                replicaRole(c);
                ps.setString(1, original);
                ps.executeUpdate();
            }
        }
        admin().get("/api/ledger/verify").then().body("intact", equalTo(true));
    }

    /** A superuser can bypass triggers: this is the attack the hash chain exists to expose. */
    private static void tamper(String sql) throws SQLException {
        try (Connection c = Sql.connect(); Statement s = c.createStatement()) {
            replicaRole(c);
            s.executeUpdate(sql);
        }
    }

    private static void replicaRole(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute("SET session_replication_role = replica");
        }
    }
}
