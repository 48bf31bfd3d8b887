package dev.covenant.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.covenant.coverage.Grant;

/** Commit addresses to people: verified addresses, no-reply addresses, raw ones, and company approvals. */
class RelicensingIdentityTest {

    static final IdentityResolution.Person ADA = new IdentityResolution.Person(7, "ada", List.of("ada@example.org",
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

    @Test
    void companyApprovalsMatchByAddressDomainAndLogin() {
        Identity ada = IdentityResolution.resolve("ada@example.org", DIRECTORY);
        assertTrue(IdentityResolution.approves(approval("DOMAIN", "work.example"), ada));
        assertTrue(IdentityResolution.approves(approval("EMAIL", "ada@work.example"), ada));
        assertTrue(IdentityResolution.approves(approval("GITHUB_USER", "ada"), ada));
        assertFalse(IdentityResolution.approves(approval("DOMAIN", "example.com"), ada));
        assertFalse(IdentityResolution.approves(approval("GITHUB_ORG", "acme"), ada));
        Identity raw = IdentityResolution.resolve("dev@acme.example", DIRECTORY);
        assertTrue(IdentityResolution.approves(approval("DOMAIN", "acme.example"), raw));
        assertFalse(IdentityResolution.approves(approval("DOMAIN", "me.example"), raw));
    }

    private static Grant.Approval approval(String kind, String value) {
        return new Grant.Approval(kind, value, LocalDate.parse("2020-01-01"), null);
    }
}
