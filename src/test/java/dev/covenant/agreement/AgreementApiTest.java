package dev.covenant.agreement;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.notNullValue;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.api.Sha256;

@QuarkusTest
class AgreementApiTest {

    static String uniqueSlug() {
        return "test-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, Object> terms(String policy, List<String> listed) {
        return Map.of("grant", "LICENSE", "sublicensable", true, "coversPriorContributions", true, "patentGrant", true,
                "outboundPolicy", policy, "outboundLicenses", listed);
    }

    static Map<String, Object> version(String version, String text) {
        return Map.of("version", version, "text", text, "terms", terms("SAME_OR_OSI", List.of()));
    }

    static String createAgreement() {
        String slug = uniqueSlug();
        admin().body(Map.of("slug", slug, "title", "Test agreement", "kind", "INDIVIDUAL",
                "firstVersion", version("1.0.0", "First text of " + slug)))
                .post("/api/agreements").then().statusCode(201);
        return slug;
    }

    @Test
    void shippedAgreementsAreLoadedOnFirstStart() {
        admin().get("/api/agreements").then().statusCode(200)
                .body("slug", hasItems("individual", "corporate"));
        String text = ShippedAgreements.read("individual.md");
        String body = FrontMatter.parse(text, "individual.md").body();
        admin().get("/api/agreements/individual/versions/1.0.0").then().statusCode(200)
                .body("sha256", equalTo(Sha256.hex(body)))
                .body("terms.outboundPolicy", equalTo("SAME_OR_OSI"))
                .body("plainWords", containsString("OSI"));
    }

    @Test
    void publishingAVersionHashesTheExactTextAndRecordsItInTheLedger() {
        String slug = createAgreement();
        String text = "Second text\r\nwith CRLF and trailing space ";
        admin().body(version("1.1.0", text)).post("/api/agreements/" + slug + "/versions").then().statusCode(201)
                .header("Location", "/api/agreements/" + slug + "/versions/1.1.0")
                .body("sha256", equalTo(Sha256.hex(text)))
                .body("text", equalTo(text))
                .body("ledgerEntry.seq", notNullValue())
                .body("ledgerEntry.hash", matchesPattern("[0-9a-f]{64}"));
        admin().get("/api/agreements/" + slug).then().body("latestVersion", equalTo("1.1.0"))
                .body("versions", equalTo(List.of("1.0.0", "1.1.0")));
        admin().get("/api/agreements/" + slug + "/versions/latest").then().body("version", equalTo("1.1.0"));
    }

    @Test
    void publishedVersionsCannotBeChangedOrDeleted() {
        String slug = createAgreement();
        String path = "/api/agreements/" + slug + "/versions/1.0.0";
        admin().body(version("1.0.0", "changed")).put(path).then().statusCode(409)
                .contentType("application/problem+json").body("detail", containsString("can never change"));
        admin().body(Map.of("text", "changed")).patch(path).then().statusCode(409);
        admin().delete(path).then().statusCode(409);
        admin().get(path).then().statusCode(200).body("text", equalTo("First text of " + slug));
    }

    @Test
    void aVersionMustBeGreaterThanTheLatest() {
        String slug = createAgreement();
        admin().body(version("1.0.0", "other text")).post("/api/agreements/" + slug + "/versions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("version"))
                .body("errors[0].message", containsString("greater than the latest published version 1.0.0"));
        admin().body(version("0.9.0", "other text")).post("/api/agreements/" + slug + "/versions").then()
                .statusCode(400).body("field", equalTo("version"));
        admin().body(version("v2", "other text")).post("/api/agreements/" + slug + "/versions").then()
                .statusCode(400).body("field", equalTo("version"));
    }

    @Test
    void emptyTextIsRefusedWithTheFieldNamed() {
        String slug = createAgreement();
        admin().body(version("2.0.0", "  ")).post("/api/agreements/" + slug + "/versions").then()
                .statusCode(400).body("field", equalTo("text"));
    }

    @Test
    void anUnknownSpdxIdIsRefusedWithTheClosestRealIds() {
        String slug = createAgreement();
        admin().body(Map.of("version", "2.0.0", "text", "t", "terms", terms("LISTED_ONLY", List.of("MIT", "Apache-2"))))
                .post("/api/agreements/" + slug + "/versions").then()
                .statusCode(400).contentType("application/problem+json")
                .body("field", equalTo("terms.outboundLicenses[1]"))
                .body("errors[0].suggestions", hasItem("Apache-2.0"));
    }

    @Test
    void aPolicyThatNeedsAListIsRefusedWithoutOne() {
        String slug = createAgreement();
        admin().body(Map.of("version", "2.0.0", "text", "t", "terms", terms("SAME_PLUS_LISTED", List.of())))
                .post("/api/agreements/" + slug + "/versions").then()
                .statusCode(400).body("field", equalTo("terms.outboundLicenses"));
    }

    @Test
    void everyBadFieldIsNamedInOneAnswer() {
        admin().body(Map.of("slug", "Not A Slug", "kind", "INDIVIDUAL")).post("/api/agreements").then()
                .statusCode(400).body("errors", hasSize(2)).body("errors.field", hasItems("slug", "title"));
    }

    @Test
    void anUnknownEnumValueNamesItsField() {
        admin().body(Map.of("slug", uniqueSlug(), "title", "x", "kind", "FRIENDLY")).post("/api/agreements").then()
                .statusCode(400).contentType("application/problem+json").body("field", equalTo("kind"));
    }

    @Test
    void aDuplicateSlugIsAConflict() {
        String slug = createAgreement();
        admin().body(Map.of("slug", slug, "title", "again", "kind", "CORPORATE")).post("/api/agreements").then()
                .statusCode(409);
    }

    @Test
    void unknownAgreementsAndVersionsAre404() {
        admin().get("/api/agreements/no-such-agreement").then().statusCode(404).contentType("application/problem+json");
        admin().get("/api/agreements/individual/versions/9.9.9").then().statusCode(404);
    }
}
