package dev.covenant.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** An unexpected failure answers a browser with a page of ours, never the framework's nor the failure's text. */
@QuarkusTest
class ServerErrorPageTest {

    /** A resource of the tests that fails as a bug would. */
    @Path("/test-only")
    public static class Failing {

        @GET
        @Path("page")
        public String page() {
            throw new IllegalStateException("a bug, on purpose");
        }
    }

    @Test
    void aPageThatFailsShowsOurErrorPageWithItsReference() {
        given().get("/test-only/page").then().statusCode(500).contentType(containsString("text/html"))
                .body(containsString("Something went wrong"))
                .body(containsString("font:16px/1.5 system-ui"))
                .body(not(containsString("a bug, on purpose")))
                .body(containsString("(reference "));
    }
}
