package dev.covenant.agreement;

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
        SQLException e = assertThrows(SQLException.class, () -> Sql.update(
                "UPDATE agreement_version SET text = 'changed' WHERE agreement_id = (SELECT id FROM agreement WHERE slug = 'individual')"));
        assertEquals("23001", e.getSQLState());
        assertThrows(SQLException.class, () -> Sql.update(
                "DELETE FROM agreement_version WHERE agreement_id = (SELECT id FROM agreement WHERE slug = 'individual')"));
        assertThrows(SQLException.class, () -> Sql.update("TRUNCATE agreement_version CASCADE"));
        assertEquals(before, Sql.text(
                "SELECT sha256 FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id WHERE a.slug = 'individual'"));
    }
}
