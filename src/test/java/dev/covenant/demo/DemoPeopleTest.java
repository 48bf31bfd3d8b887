package dev.covenant.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DemoPeopleTest {

    @ParameterizedTest
    @ValueSource(strings = {"alice", "a", "bob-smith", "x1-2-3", "A23456789012345678901234567890123456789"})
    void gitHubStyleNamesAreTaken(String login) {
        assertEquals(Optional.empty(), DemoPeople.problem(login));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"''|Enter a user name", "-alice|cannot begin or end with a hyphen",
            "alice-|cannot begin or end with a hyphen", "al--ice|two hyphens in a row",
            "al ice|only letters, digits and hyphens", "<b>|only letters, digits and hyphens",
            "A234567890123456789012345678901234567890|at most 39 characters; this one has 40"})
    void otherNamesAreRefusedInWords(String login, String words) {
        String problem = DemoPeople.problem(login).orElseThrow();
        assertTrue(problem.contains(words), problem);
    }

    @Test
    void theIdIsStablePerLoginWhateverItsCaseAndDiffersBetweenLogins() {
        assertEquals(DemoPeople.idOf("alice"), DemoPeople.idOf("Alice"));
        // Pinned: a demo database keeps alice's signature under this id across restarts and upgrades.
        assertEquals(188_407_917_183L, DemoPeople.idOf("alice"));
        assertNotEquals(DemoPeople.idOf("alice"), DemoPeople.idOf("bob"));
        assertTrue(DemoPeople.idOf("alice") >= DemoPeople.FIRST_ID);
        assertEquals("alice@demo.invalid", DemoPeople.email("Alice"));
    }
}
