package dev.covenant.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** Pages carry a Content-Security-Policy that allows only the service's own scripts; the JSON API needs none. */
@QuarkusTest
class PageHeadersTest {

    @Test
    void pagesForbidInlineAndForeignScripts() {
        given().get("/agreements/individual").then().statusCode(200)
                .header("Content-Security-Policy", containsString("script-src 'self';"))
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Content-Type-Options", equalTo("nosniff"));
        given().get("/agreements/no-such-agreement").then().statusCode(404)
                .header("Content-Security-Policy", containsString("default-src 'self'"));
    }

    @Test
    void theJsonApiIsLeftAsItIs() {
        given().get("/api/agreements").then().statusCode(401).header("Content-Security-Policy", nullValue());
    }
}
