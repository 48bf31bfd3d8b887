package dev.covenant.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** {@code COVENANT_ADMINS}: logins compared without regard to case, blanks and spaces ignored, unset is nobody. */
class AdminsTest {

    @Test
    void aListedLoginCountsInAnyCaseAndNothingElseDoes() {
        Admins admins = new Admins(() -> Optional.of(List.of(" Site-Admin ", "", "octocat")));
        assertTrue(admins.listed("site-admin"));
        assertTrue(admins.listed("SITE-ADMIN"));
        assertTrue(admins.listed("OctoCat"));
        assertFalse(admins.listed("site-admin2"));
        assertFalse(admins.listed(""));
        assertFalse(admins.listed(null));
    }

    @Test
    void unsetListsNobody() {
        Admins admins = new Admins(Optional::empty);
        assertFalse(admins.listed("octocat"));
        assertFalse(admins.listed(""));
    }
}
