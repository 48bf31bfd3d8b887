package dev.covenant.agreement;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An SPDX expression that cannot be accepted is a 400 problem naming its field wherever it is given: the report's
 * target, a project's license history, an agreement's listed licenses, a campaign's from and to.
 */
@QuarkusTest
class SpdxBadInputTest {

    @ParameterizedTest
    @ValueSource(strings = {"LicenseRef-", "MIT OR", "MIT +", "Apache-2"})
    void everyFieldRefusesAnExpressionThatDoesNotParse(String bad) {
        check(bad);
    }

    @ParameterizedTest
    @ValueSource(ints = {501, 2000})
    void everyFieldRefusesAnExpressionOverFiveHundredCharacters(int length) {
        check(SpdxLengthTest.expression(length));
    }

    private static void check(String bad) {
        String owner = "spdx-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("owner", owner, "agreement", "individual", "licenses",
                List.of(Map.of("from", "2000-01-01", "spdx", bad)))).post("/api/projects").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("licenses[0].spdx"));
        admin().body(Map.of("owner", owner, "agreement", "individual", "licenses",
                List.of(Map.of("from", "2000-01-01", "spdx", "MIT")))).post("/api/projects").then().statusCode(201);
        admin().queryParam("to", bad).get("/api/repos/" + owner + "/lib/relicensing").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("to"));
        String campaigns = "/api/repos/" + owner + "/lib/campaigns";
        admin().body(Map.of("to", bad)).post(campaigns).then().statusCode(400).body("field", equalTo("to"));
        admin().body(Map.of("to", "Apache-2.0", "from", bad)).post(campaigns).then().statusCode(400)
                .body("field", equalTo("from"));
        String slug = "spdx-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("slug", slug, "title", "Listed", "kind", "INDIVIDUAL", "firstVersion",
                Map.of("version", "1.0.0", "text", "Text", "terms",
                        Map.of("grant", "LICENSE", "sublicensable", true, "coversPriorContributions", true,
                                "patentGrant", true, "outboundPolicy", "LISTED_ONLY", "outboundLicenses",
                                List.of("MIT", bad)))))
                .post("/api/agreements").then().statusCode(400).contentType("application/problem+json")
                .body("field", containsString("outboundLicenses[1]"));
    }
}
