package dev.covenant.project;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ProjectApiTest {

    private static String owner() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aRepositoryIsLinkedWithDefaultsAndItsLicenseHistory() {
        String owner = owner();
        int id = admin().body(Map.of("owner", owner, "repo", "widget", "agreement", "individual",
                "licenses", List.of(Map.of("from", "2010-01-01", "spdx", "gpl-2.0-only"))))
                .post("/api/projects").then().statusCode(201)
                .body("scope", equalTo(owner + "/widget"))
                .body("accepts", equalTo("LATEST_MAJOR"))
                .body("acceptedVersions", equalTo(List.of("1.0.0")))
                .body("allowlist", equalTo(List.of("*[bot]")))
                .body("licenses[0].spdx", equalTo("GPL-2.0-only"))
                .extract().path("id");
        admin().body(Map.of("from", "2011-09-01", "spdx", "Apache-2.0")).post("/api/projects/" + id + "/licenses")
                .then()
                .statusCode(200).body("licenses.spdx", equalTo(List.of("GPL-2.0-only", "Apache-2.0")));
        admin().get("/api/projects?repo=" + owner + "/WIDGET").then().statusCode(200).body("[0].id", equalTo(id));
        admin().body(Map.of("from", "2011-09-01", "spdx", "MIT")).post("/api/projects/" + id + "/licenses").then()
                .statusCode(409);
    }

    @Test
    void anOwnerProjectGovernsItsRepositories() {
        String owner = owner();
        int id = admin()
                .body(Map.of("owner", owner, "agreement", "individual", "accepts", "SINCE", "acceptsSince", "1.0.0",
                        "allowlist", List.of("*[bot]", "release-*")))
                .post("/api/projects").then().statusCode(201).body("scope", equalTo(owner)).extract().path("id");
        admin().get("/api/projects?repo=" + owner + "/anything").then().statusCode(200).body("[0].id", equalTo(id));
        admin().body(Map.of("owner", owner, "agreement", "individual")).post("/api/projects").then().statusCode(409);
    }

    @Test
    void badProjectInputNamesTheFieldAndSuggests() {
        admin().body(Map.of("owner", "-bad-", "agreement", "individul",
                "licenses", List.of(Map.of("from", "yesterday", "spdx", "Apache2"))))
                .post("/api/projects").then().statusCode(400)
                .body("errors.field", hasItem("owner"))
                .body("errors.field", hasItem("agreement"))
                .body("errors.field", hasItem("licenses[0].from"))
                .body("errors.find { it.field == 'licenses[0].spdx' }.suggestions", hasItem("Apache-2.0"))
                .body("errors.find { it.field == 'agreement' }.suggestions", hasItem("individual"));
    }

    @Test
    void settingsCanChangeButStayValid() {
        int id = admin().body(Map.of("owner", owner(), "agreement", "individual")).post("/api/projects").then()
                .statusCode(201).extract().path("id");
        admin().body(Map.of("accepts", "SINCE")).put("/api/projects/" + id + "/settings").then().statusCode(400)
                .body("field", equalTo("acceptsSince"));
        admin().body(Map.of("accepts", "LATEST_MAJOR", "allowlist", List.of("dependabot[bot]", "bad pattern")))
                .put("/api/projects/" + id + "/settings").then().statusCode(400).body("field", equalTo("allowlist[1]"));
        admin().get("/api/projects/999999999").then().statusCode(404);
    }

    @Test
    void theModeIsClaUnlessSetAndABadOneIsNamed() {
        String owner = owner();
        int id = admin().body(Map.of("owner", owner, "agreement", "individual")).post("/api/projects").then()
                .statusCode(201).body("mode", equalTo("CLA")).extract().path("id");
        admin().body(Map.of("mode", "DCO")).put("/api/projects/" + id + "/settings").then().statusCode(200)
                .body("mode", equalTo("DCO"));
        admin().get("/api/projects/" + id).then().statusCode(200).body("mode", equalTo("DCO"));
        admin().body(Map.of("mode", "dco")).put("/api/projects/" + id + "/settings").then().statusCode(400)
                .body("field", equalTo("mode"))
                .body("errors[0].suggestions", equalTo(List.of("CLA", "DCO", "CLA_OR_DCO")));
        admin().body(Map.of("owner", owner(), "agreement", "individual", "mode", "SIGNOFF")).post("/api/projects")
                .then().statusCode(400).body("field", equalTo("mode"));
        admin().body(Map.of("owner", owner(), "agreement", "individual", "mode", "CLA_OR_DCO")).post("/api/projects")
                .then().statusCode(201).body("mode", equalTo("CLA_OR_DCO"));
        admin().body(Map.of("mode", 3)).put("/api/projects/" + id + "/settings").then().statusCode(400)
                .body("field", equalTo("mode"));
    }
}
