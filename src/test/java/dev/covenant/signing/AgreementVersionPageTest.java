package dev.covenant.signing;

import static dev.covenant.Api.admin;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;

/** Every published version of an agreement stays readable, with its terms and what changed from the one before. */
@QuarkusTest
class AgreementVersionPageTest {

    static Map<String, Object> version(String version, String text) {
        return Map.of("version", version, "text", text, "terms", Map.of("grant", "LICENSE", "sublicensable", true,
                "coversPriorContributions", false, "patentGrant", true, "outboundPolicy", "SAME_OR_OSI",
                "outboundLicenses", List.of()));
    }

    /** A new individual agreement with versions 1.0.0, 1.1.0 and 2.0.0 of these texts; its slug. */
    static String agreementWithThreeVersions(String first, String second, String third) {
        String slug = "versions-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("slug", slug, "title", "Versioned agreement", "kind", "INDIVIDUAL", "firstVersion",
                version("1.0.0", first))).post("/api/agreements").then().statusCode(201);
        admin().body(version("1.1.0", second)).post("/api/agreements/" + slug + "/versions").then().statusCode(201);
        admin().body(version("2.0.0", third)).post("/api/agreements/" + slug + "/versions").then().statusCode(201);
        return slug;
    }

    @Test
    void anOlderVersionShowsItsTextHashTermsDateAndTheWayToTheCurrentOne() throws Exception {
        String slug = agreementWithThreeVersions("# Terms\n\nYou grant a license.\n",
                "# Terms\n\nYou grant a broad license.\n", "# Terms\n\nYou assign everything.\n");
        String sha = Sql.text("SELECT v.sha256 FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id"
                + " WHERE a.slug = ? AND v.version = '1.1.0'", slug);
        String page = given().get("/agreements/" + slug + "/1.1.0").then().statusCode(200).extract().asString();
        assertTrue(page.contains("You grant a broad license."), page);
        assertTrue(page.contains(sha), "the hash of that version's text");
        assertTrue(page.contains("What you grant, in plain words"), "the terms box");
        assertTrue(page.contains("This covers only what you contribute after signing."), "the terms in words");
        assertTrue(page.matches("(?s).*Published <time datetime=\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ\">"
                + "\\d{1,2} [A-Z][a-z]+ \\d{4}, \\d\\d:\\d\\d UTC</time>.*"), "the publication date for people");
        assertTrue(page.contains("This is not the current version."), page);
        assertTrue(page.contains("<a href=\"/agreements/" + slug + "\">version 2.0.0</a>"), "a link to the current");
        assertTrue(page.contains("must be signed again"), "2.0.0 is a new major version");
        assertTrue(page.contains("<del>You grant a license.</del>"), "the line removed from 1.0.0");
        assertTrue(page.contains("<ins>You grant a broad license.</ins>"), "the line added in 1.1.0");
        assertTrue(page.contains("a minor change: signatures of 1.0.0 stay valid"), page);

        String current = given().get("/agreements/" + slug + "/2.0.0").then().statusCode(200).extract().asString();
        assertTrue(current.contains("This is the current version."), current);
        assertTrue(current.contains("a new major version, which everyone must sign again"), current);
        String first = given().get("/agreements/" + slug + "/1.0.0").then().statusCode(200).extract().asString();
        assertTrue(first.contains("This is the first version."), first);
        assertFalse(first.contains("id=\"diff\""), first);
    }

    @Test
    void theCurrentPageLinksToEveryOlderVersion() {
        String slug = agreementWithThreeVersions("one", "two", "three");
        String page = given().get("/agreements/" + slug).then().statusCode(200).extract().asString();
        for (String v : List.of("1.0.0", "1.1.0", "2.0.0")) {
            assertTrue(page.contains("href=\"/agreements/" + slug + "/" + v + "\""), () -> v + " in " + page);
        }
    }

    @Test
    void theDiffIsEscaped() {
        String slug = agreementWithThreeVersions("plain", "<script>alert(1)</script>\nplain", "x");
        String page = given().get("/agreements/" + slug + "/1.1.0").then().statusCode(200).extract().asString();
        assertTrue(page.contains("<ins>&lt;script&gt;alert(1)&lt;/script&gt;</ins>"), page);
        assertFalse(page.contains("<script>alert(1)"), page);
    }

    @Test
    void anUnknownVersionOrAgreementIsThePagesNotFound() {
        String slug = agreementWithThreeVersions("a", "b", "c");
        given().accept("text/html").get("/agreements/" + slug + "/latest%3Cb%3E").then().statusCode(404);
        for (String path : List.of("/agreements/" + slug + "/9.9.9", "/agreements/no-such-agreement-" + slug
                + "/1.0.0")) {
            String page = given().accept("text/html").get(path).then().statusCode(404).contentType("text/html")
                    .extract().asString();
            assertTrue(page.contains("Not found"), page);
        }
    }
}
