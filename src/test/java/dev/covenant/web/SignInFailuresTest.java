package dev.covenant.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.signing.SigningFlowTest;

@QuarkusTest
class SignInFailuresTest {

    @AfterEach
    void githubIsBack() {
        WebClient.github().setDown(false);
    }

    private static Response callback(String url, String cookie) {
        var request = given().urlEncodingEnabled(false).redirects().follow(false);
        if (cookie != null) {
            request.cookie(SignInResource.STATE_COOKIE, cookie);
        }
        return request.get(url);
    }

    private static void assertNoSessionAndNobodyStored(Response response, String login) throws SQLException {
        String session = response.getCookie(WebSessions.COOKIE);
        org.junit.jupiter.api.Assertions.assertTrue(session == null || session.isEmpty(), "a session was opened");
        assertEquals("0", Sql.text("SELECT count(*) FROM person WHERE login = ?", login));
    }

    @Test
    void aForgedStateIsRefusedWithAClearPage() throws SQLException {
        String login = SigningFlowTest.newUser("forge");
        Map<String, String> started = WebClient.startSignIn(login);
        Response forged = callback(started.get("callback").replaceAll("state=[^&]+", "state=forged"),
                started.get("cookie"));
        assertEquals(400, forged.statusCode());
        forged.then().contentType(containsString("text/html")).body(containsString("Sign-in could not be completed"));
        assertNoSessionAndNobodyStored(forged, login);
    }

    @Test
    void aCallbackWithoutTheBrowsersStateCookieIsRefused() throws SQLException {
        String login = SigningFlowTest.newUser("nocookie");
        Map<String, String> started = WebClient.startSignIn(login);
        Response response = callback(started.get("callback"), null);
        assertEquals(400, response.statusCode());
        assertNoSessionAndNobodyStored(response, login);
    }

    @Test
    void aReplayedCallbackIsRefused() throws SQLException {
        String login = SigningFlowTest.newUser("replay");
        Map<String, String> started = WebClient.startSignIn(login);
        Response first = callback(started.get("callback"), started.get("cookie"));
        assertEquals(303, first.statusCode());
        // The browser's state cookie is cleared by the first answer; an attacker replaying the URL has none.
        assertEquals("", first.getCookie(SignInResource.STATE_COOKIE));
        Response replay = callback(started.get("callback"), null);
        assertEquals(400, replay.statusCode());
        // Even with the old cookie, GitHub refuses the spent code and no second session opens.
        Response withOldCookie = callback(started.get("callback"), started.get("cookie"));
        assertEquals(403, withOldCookie.statusCode());
        assertEquals("1", Sql.text(
                "SELECT count(*) FROM web_session s JOIN person p ON p.github_id = s.github_id WHERE p.login = ?",
                login));
    }

    @Test
    void aDeniedAuthorizationShowsAPageAndStoresNothing() throws SQLException {
        String login = SigningFlowTest.newUser("deny");
        WebClient.github().denyNextAuthorization();
        Map<String, String> started = WebClient.startSignIn(login);
        Response response = callback(started.get("callback"), started.get("cookie"));
        assertEquals(403, response.statusCode());
        response.then().body(containsString("Sign-in was cancelled"));
        assertNoSessionAndNobodyStored(response, login);
    }

    @Test
    void githubBeingDownShowsAPageAndStoresNothing() throws SQLException {
        String login = SigningFlowTest.newUser("down");
        Map<String, String> started = WebClient.startSignIn(login);
        WebClient.github().setDown(true);
        Response response = callback(started.get("callback"), started.get("cookie"));
        assertEquals(502, response.statusCode());
        response.then().body(containsString("GitHub is not answering"));
        assertNoSessionAndNobodyStored(response, login);
    }

    @Test
    void signingOutEndsTheSessionForGood() throws SQLException {
        WebClient client = WebClient.signIn(SigningFlowTest.newUser("bye"));
        String csrf = client.csrf();
        client.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf).post("/logout")
                .then().statusCode(303);
        client.request().get("/me").then().statusCode(303);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndSameSiteLax() {
        String login = SigningFlowTest.newUser("cookie");
        Map<String, String> started = WebClient.startSignIn(login);
        Response response = callback(started.get("callback"), started.get("cookie"));
        String header = response.getHeaders().getValues("Set-Cookie").stream()
                .filter(h -> h.startsWith(WebSessions.COOKIE + "=")).findFirst().orElseThrow();
        org.junit.jupiter.api.Assertions.assertTrue(header.contains("HttpOnly"), header);
        org.junit.jupiter.api.Assertions.assertTrue(header.toLowerCase().contains("samesite=lax"), header);
    }
}
