package dev.covenant.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A forged Host header never ends up in a redirect. */
@QuarkusTest
class HostHeaderTest {

    @Test
    void aRedirectToSignInIgnoresTheHostHeader() {
        given().redirects().follow(false).header("Host", "evil.example").get("/me").then().statusCode(303)
                .header("Location", equalTo("/login?next=/me"));
    }

    @Test
    void aSignedInRedirectIgnoresItToo() {
        WebClient ada = WebClient.signIn(dev.covenant.checks.PullRequestChecksTest.user("host"));
        ada.request().header("Host", "evil.example").formParam("_csrf", ada.csrf()).post("/logout").then()
                .statusCode(303).header("Location", not(containsString("evil.example")));
    }
}
