package dev.covenant.api;

import static dev.covenant.Api.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

import dev.covenant.TestDatabase;

@QuarkusTest
class EdgeCasesTest {

    @Test
    void aMissingTokenIs401WithoutDetail() {
        given().get("/api/agreements").then().statusCode(401).contentType("application/problem+json")
                .header("WWW-Authenticate", containsString("Bearer"))
                .body("detail", equalTo("A valid bearer token is required"));
    }

    @Test
    void aWrongTokenGetsTheSameAnswerAsAMissingOne() {
        given().header("Authorization", "Bearer " + TestDatabase.ADMIN_TOKEN + "x").get("/api/agreements").then()
                .statusCode(401).body("detail", equalTo("A valid bearer token is required"))
                .body(not(containsString(TestDatabase.ADMIN_TOKEN)));
        given().header("Authorization", "Basic YWRtaW46YWRtaW4=").get("/api/ledger/verify").then().statusCode(401);
    }

    @Test
    void malformedJsonIs400NamingTheBody() {
        admin().body("{\"slug\": \"x\", ").post("/api/agreements").then().statusCode(400)
                .contentType("application/problem+json").body("field", equalTo("body"));
    }

    @Test
    void theWrongContentTypeIs415() {
        admin().contentType(ContentType.TEXT).body("slug=x").post("/api/agreements").then().statusCode(415)
                .contentType("application/problem+json");
    }

    @Test
    void aBodyOverOneMebibyteIs413() {
        String huge = "{\"slug\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        admin().body(huge).post("/api/agreements").then().statusCode(413);
    }

    @Test
    void healthIncludesTheDatabase() {
        given().get("/q/health/ready").then().statusCode(200).body(containsString("Database connections health check"));
    }

    @Test
    void openApiDescribesTheApi() {
        given().get("/q/openapi?format=json").then().statusCode(200).body(containsString("/api/agreements"));
    }

    @Test
    void prometheusMetricsAreExposedToTheAdminTokenOnly() {
        given().header("Authorization", "Bearer test-admin-token").get("/q/metrics").then().statusCode(200)
                .body(containsString("jvm_memory_used_bytes"));
        given().get("/q/metrics").then().statusCode(401);
        given().header("Authorization", "Bearer not-a-token").get("/q/metrics").then().statusCode(401);
    }

    @Test
    void aPropertyTheRequestDoesNotTakeIsRefusedByName() {
        given().header("Authorization", "Bearer test-admin-token").contentType("application/json")
                .body("{\"owner\":\"edge-unknown\",\"agreement\":\"individual\",\"allowList\":[\"bot\"]}")
                .post("/api/projects").then().statusCode(400).contentType("application/problem+json")
                .body("field", org.hamcrest.Matchers.equalTo("allowList"));
    }

    @Test
    void aCorporateAgreementCannotBeAProjectsIndividualOne() {
        given().header("Authorization", "Bearer test-admin-token").contentType("application/json")
                .body("{\"owner\":\"edge-corporate\",\"agreement\":\"corporate\"}").post("/api/projects").then()
                .statusCode(400).body("field", org.hamcrest.Matchers.equalTo("agreement"));
    }
}
