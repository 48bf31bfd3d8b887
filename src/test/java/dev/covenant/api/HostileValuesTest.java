package dev.covenant.api;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;

/** NUL characters and overlong values in paths, query values, JSON fields and uploads: 400 naming the part. */
@QuarkusTest
class HostileValuesTest {

    @Test
    void aNulOrAnOverlongPathSegmentIs400() {
        admin().urlEncodingEnabled(false).get("/api/projects/1%00").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("field", equalTo("path"))
                .body("detail", containsString("NUL"));
        admin().get("/api/repos/" + "o".repeat(600) + "/widget/history").then().statusCode(400)
                .body("field", equalTo("path")).body("detail", containsString("longer than"));
    }

    @Test
    void aNulOrAnOverlongQueryValueIs400NamingTheParameter() {
        admin().urlEncodingEnabled(false).get("/api/deliveries?state=DONE%00").then().statusCode(400)
                .body("field", equalTo("state")).body("detail", containsString("NUL"));
        admin().queryParam("state", "D".repeat(3000)).get("/api/deliveries").then().statusCode(400)
                .body("field", equalTo("state"));
    }

    @Test
    void aNulInAJsonFieldIs400NamingTheField() {
        admin().contentType("application/json")
                .body(Map.of("owner", "acme\u0000", "repo", "widget", "agreement", "individual"))
                .post("/api/projects").then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("field", equalTo("owner")).body("detail", containsString("NUL"));
    }

    @Test
    void aNulInAHistoryUploadFailsAtOnceWithItsLineAndLeavesNoImport() throws Exception {
        String owner = "nul" + Long.toHexString(System.nanoTime());
        String history = "commit " + "a".repeat(40) + "\nAuthor:     A <a@example.org>\nAuthorDate: x\u0000y\n";
        admin().contentType("text/plain").body(history.getBytes(StandardCharsets.UTF_8))
                .post("/api/repos/" + owner + "/widget/history").then().statusCode(400)
                .contentType(Problem.MEDIA_TYPE).body("field", equalTo("body")).body("line", equalTo(3))
                .body("detail", containsString("NUL"));
        assertEquals("0", Sql.text("SELECT count(*) FROM job WHERE payload::text LIKE ?", "%" + owner + "%"));
    }
}
