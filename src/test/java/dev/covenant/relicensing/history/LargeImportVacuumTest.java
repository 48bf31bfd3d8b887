package dev.covenant.relicensing.history;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.SQLException;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;

/**
 * An import that adds {@link ContributionLoader#ANALYZE_AFTER} commits or more leaves the history's tables vacuumed
 * (their pages visible to all, so the first reports read indexes alone and autovacuum has nothing left to do while
 * they run); a small one leaves them to autovacuum. {@code vacuum_count} counts the vacuums run by hand: only the
 * loader runs one.
 */
@QuarkusTest
class LargeImportVacuumTest {

    private final String owner = "vacuum-" + UUID.randomUUID().toString().substring(0, 8);

    @Test
    void aLargeImportVacuumsTheTablesItFilled() throws IOException, SQLException {
        long before = vacuums("contribution");
        long addressesBefore = vacuums("contribution_address");
        byte[] history;
        try (GeneratedHistory generated = new GeneratedHistory((int) ContributionLoader.ANALYZE_AFTER)) {
            history = generated.readAllBytes();
        }
        upload("large", history);
        assertTrue(vacuums("contribution") > before, "contribution vacuumed after the import");
        assertTrue(vacuums("contribution_address") > addressesBefore, "contribution_address vacuumed");
        assertEquals(ContributionLoader.ANALYZE_AFTER, Long.parseLong(Sql.text(
                "SELECT count(*) FROM contribution WHERE repository = ?", owner + "/large")));
    }

    @Test
    void aSmallImportLeavesThemToAutovacuum() throws IOException, SQLException {
        long before = vacuums("contribution");
        byte[] history;
        try (GeneratedHistory generated = new GeneratedHistory(20)) {
            history = generated.readAllBytes();
        }
        upload("small", history);
        assertEquals(before, vacuums("contribution"));
    }

    private void upload(String name, byte[] history) {
        admin().contentType("text/plain").queryParam("wait", true).body(history)
                .post("/api/repos/" + owner + "/" + name + "/history").then().statusCode(200)
                .body("state", equalTo("DONE"));
    }

    private static long vacuums(String table) throws SQLException {
        // The counters are the server's shared statistics; a backend reads a snapshot of them once per transaction.
        return Long.parseLong(Sql.text("SELECT vacuum_count FROM pg_stat_user_tables WHERE relname = ?", table));
    }
}
