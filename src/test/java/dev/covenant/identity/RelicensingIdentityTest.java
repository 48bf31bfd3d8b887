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
    void bothNoReplyFormsOfAnAccountThatNeverSignedInAreOnePerson() {
        IdentityResolution.Directory seen = new IdentityResolution.Directory(Map.of(), Map.of(), Map.of(),
                Map.of("octocat", 583231L), Map.of());
        Identity newer = IdentityResolution.resolve("583231+octocat@users.noreply.github.com", seen);
        Identity older = IdentityResolution.resolve("OctoCat@users.noreply.github.com", seen);
        assertEquals("github:583231", newer.key());
        assertEquals(newer.key(), older.key());
        assertEquals(583231L, older.githubId());
        Identity unseen = IdentityResolution.resolve("hubot@users.noreply.github.com", seen);
        assertEquals("login:hubot", unseen.key());
    }

    @Test
    void aMaintainersLinkMakesAnAddressThePersonItNames() {
        AddressLink toAda = new AddressLink("ada@1b4e28ba-2fa1-11d2-883f-0016d3cca427", 7L, null, null);
        AddressLink toBob = new AddressLink("bob@1b4e28ba-2fa1-11d2-883f-0016d3cca427", null, "Bob Old",
                "Bob@Home.example");
        AddressLink alsoBob = new AddressLink("bob@old-employer.example", null, "Bob Old", "bob@home.example");
        IdentityResolution.Directory directory = new IdentityResolution.Directory(DIRECTORY.verifiedOwners(),
                DIRECTORY.byId(), DIRECTORY.byLogin(), Map.of(),
                Map.of(toAda.email(), toAda, toBob.email(), toBob, alsoBob.email(), alsoBob, "ada@example.org",
                        new AddressLink("ada@example.org", null, "Someone", "x@example.org")));
        Identity ada = IdentityResolution.resolve("Ada@1b4e28ba-2fa1-11d2-883f-0016d3cca427", directory);
        assertEquals(Identity.Source.LINKED, ada.source());
        assertEquals("github:7", ada.key());
        assertEquals("ada", ada.login());
        assertEquals(List.of("ada@1b4e28ba-2fa1-11d2-883f-0016d3cca427", "ada@example.org", "ada@work.example"),
                ada.emails());
        Identity bob = IdentityResolution.resolve("bob@1b4e28ba-2fa1-11d2-883f-0016d3cca427", directory);
        assertEquals("person:bob@home.example", bob.key());
        assertEquals(bob.key(), IdentityResolution.resolve("bob@old-employer.example", directory).key());
        assertEquals(List.of("bob@1b4e28ba-2fa1-11d2-883f-0016d3cca427"), bob.emails());
        // What its owner verified is not a maintainer's to give away.
        assertEquals(Identity.Source.VERIFIED_EMAIL, IdentityResolution.resolve("ada@example.org", directory).source());
    }

    @Test
    void anythingElseStaysARawAddress() {
        Identity raw = IdentityResolution.resolve("someone@elsewhere.example", DIRECTORY);
        assertEquals(Identity.Source.RAW, raw.source());
        assertFalse(raw.known());
        assertEquals("email:someone@elsewhere.example", raw.key());
    }
}
