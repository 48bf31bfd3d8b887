package dev.covenant.agreement;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.SQLException;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;

@QuarkusTest
class VersionTriggerTest {

    @Test
    void theDatabaseRefusesToChangeAPublishedVersion() throws SQLException {
        String before = Sql.text(
                "SELECT sha256 FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id WHERE a.slug = 'individual'");
        assertRefused("UPDATE", "UPDATE agreement_version SET text = 'changed'"
                + " WHERE agreement_id = (SELECT id FROM agreement WHERE slug = 'individual')");
        // The trigger's own error, not just any: a foreign key to the version would refuse a DELETE too.
        assertRefused("DELETE",
                "DELETE FROM agreement_version WHERE agreement_id = (SELECT id FROM agreement WHERE slug = 'individual')");
        assertRefused("TRUNCATE", "TRUNCATE agreement_version CASCADE");
        assertEquals(before, Sql.text(
                "SELECT sha256 FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id WHERE a.slug = 'individual'"));
    }

    private static void assertRefused(String operation, String sql) {
        SQLException e = assertThrows(SQLException.class, () -> Sql.update(sql));
        assertEquals("23001", e.getSQLState(), e::getMessage);
        assertThat(e.getMessage(), containsString("agreement_version is append-only: " + operation + " refused"));
    }
}
