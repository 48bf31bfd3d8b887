package dev.covenant.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Outside demo mode (the ordinary test profile) nothing of the demo answers, and no page says "Demo". */
@QuarkusTest
class DemoOffTest {

    @ParameterizedTest
    @ValueSource(strings = {"/demo/login?state=x", "/demo/pull-requests", "/demo/pull-requests/1",
            "/demo/pull-requests/1.json", "/demo/github/api/app", "/demo/github/api/user",
            "/demo/github/login/oauth/authorize?client_id=Iv1.demo&state=x", "/demo"})
    void everyDemoPathIs404(String path) {
        given().redirects().follow(false).get(path).then().statusCode(404);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/demo/login", "/demo/pull-requests", "/demo/github/login/oauth/access_token"})
    void everyDemoFormIs404(String path) {
        given().redirects().follow(false).formParam("login", "alice").formParam("author", "alice").post(path).then()
                .statusCode(404);
    }

    @org.junit.jupiter.api.Test
    void noPageSaysDemo() {
        given().get("/").then().statusCode(200).body(not(containsString("class=\"demo-banner\"")));
    }
}
