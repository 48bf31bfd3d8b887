package dev.covenant.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** Commit addresses to people: verified addresses, no-reply addresses, raw ones. */
class RelicensingIdentityTest {

    static final Account ADA = new Account(7, "ada", List.of("ada@example.org",
            "ada@work.example"));
    static final IdentityResolution.Directory DIRECTORY = new IdentityResolution.Directory(
            Map.of("ada@example.org", 7L, "ada@work.example", 7L), Map.of(7L, ADA), Map.of("ada", ADA));

    @Test
    void aVerifiedAddressIsThePersonWithAllTheirAddresses() {
        Identity id = IdentityResolution.resolve("Ada@Example.org", DIRECTORY);
        assertEquals(Identity.Source.VERIFIED_EMAIL, id.source());
        assertEquals(7L, id.githubId());
        assertEquals("ada", id.login());
        assertEquals(List.of("ada@example.org", "ada@work.example"), id.emails());
        assertEquals("github:7", id.key());
    }

    @Test
    void aNoReplyAddressNamesTheAccountEvenBeforeItsOwnerSignedIn() {
        Identity known = IdentityResolution.resolve("7+ada@users.noreply.github.com", DIRECTORY);
        assertEquals("github:7", known.key());
        assertEquals(List.of("7+ada@users.noreply.github.com", "ada@example.org", "ada@work.example"), known.emails());
        Identity stranger = IdentityResolution.resolve("583231+octocat@users.noreply.github.com", DIRECTORY);
        assertEquals(583231L, stranger.githubId());
        assertEquals("octocat", stranger.login());
        assertTrue(stranger.known());
        assertEquals(7L, IdentityResolution.resolve("ada@users.noreply.github.com", DIRECTORY).githubId());
    }

    @Test
    void anythingElseStaysARawAddress() {
        Identity raw = IdentityResolution.resolve("someone@elsewhere.example", DIRECTORY);
        assertEquals(Identity.Source.RAW, raw.source());
        assertFalse(raw.known());
        assertEquals("email:someone@elsewhere.example", raw.key());
    }
}
