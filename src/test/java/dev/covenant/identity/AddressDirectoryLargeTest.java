package dev.covenant.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.covenant.Sql;

/**
 * A report asks the directory about a hundred thousand addresses at once; from {@link AddressDirectory#SERIAL_FROM}
 * addresses the lookup runs without parallel workers. The answer must be the same on both sides of that line, and
 * the transaction must get its own setting back.
 */
@QuarkusTest
class AddressDirectoryLargeTest {

    @Inject
    People people;

    @ParameterizedTest
    @ValueSource(ints = {3, AddressDirectory.SERIAL_FROM - 1, AddressDirectory.SERIAL_FROM, 25_000})
    void aVerifiedAddressIsFoundAmongAnyNumberOfOthers(int asked) throws SQLException {
        long githubId = 9_410_000_000L + System.nanoTime() % 1_000_000;
        String verified = "large-" + githubId + "@example.org";
        QuarkusTransaction.requiringNew().run(() -> people.remember(new Profile(githubId, "large-" + githubId, "Large",
                List.of(new Profile.Email(verified, true, true)))));
        List<String> addresses = new ArrayList<>(asked);
        for (int i = 1; i < asked; i++) {
            addresses.add("nobody-" + i + "@" + githubId + ".example");
        }
        // As a commit may write it: the directory compares addresses lower-cased.
        addresses.add(asked / 2, verified.toUpperCase());
        try (Connection c = Sql.connect()) {
            c.setAutoCommit(false);
            try {
                String before = workers(c);
                IdentityResolution.Directory directory = AddressDirectory.of(c, "large/" + githubId, addresses);
                assertEquals(githubId, directory.verifiedOwners().get(verified));
                assertEquals(1, directory.verifiedOwners().size(), directory.verifiedOwners().toString());
                assertEquals("large-" + githubId, directory.byId().get(githubId).login());
                assertEquals(before, workers(c), "the transaction's max_parallel_workers_per_gather after the lookup");
            } finally {
                c.rollback();
            }
        }
    }

    @Test
    void outsideATransactionTheLargeLookupStillAnswers() throws SQLException {
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < AddressDirectory.SERIAL_FROM; i++) {
            addresses.add("autocommit-" + i + "@nowhere.example");
        }
        try (Connection c = Sql.connect()) {
            IdentityResolution.Directory directory = AddressDirectory.of(c, "large/autocommit", addresses);
            assertFalse(directory.verifiedOwners().containsKey(addresses.get(0)));
            assertEquals(0, directory.verifiedOwners().size());
        }
    }

    private static String workers(Connection c) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW max_parallel_workers_per_gather")) {
            rs.next();
            return rs.getString(1);
        }
    }
}
