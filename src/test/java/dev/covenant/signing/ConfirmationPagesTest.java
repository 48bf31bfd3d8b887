package dev.covenant.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.web.WebClient;

/**
 * No destructive click without a confirmation, and without JavaScript: the button is a link to a page that says what
 * will happen (a GET, which changes nothing), whose form (a POST with the CSRF token) does it.
 */
@QuarkusTest
class ConfirmationPagesTest {

    @Test
    void revokingASignatureAsksFirstAndTheFirstClickChangesNothing() throws Exception {
        String login = SigningFlowTest.newUser("conf");
        WebClient client = WebClient.signIn(login);
        Response signed = client.signIndividual(client.csrf(), Map.of("name", "Con Firm", "email",
                login + "@example.org"));
        assertEquals(303, signed.statusCode(), signed.asString());
        String location = signed.getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);

        String me = client.request().get("/me").then().statusCode(200).extract().asString();
        assertTrue(me.contains("href=\"/signatures/" + id + "/revoke\""), "the Revoke button is a link: " + me);
        assertFalse(me.contains("action=\"/signatures/" + id + "/revoke\""), "no form revokes from /me: " + me);

        String confirm = client.request().get("/signatures/" + id + "/revoke").then().statusCode(200).extract()
                .asString();
        assertTrue(confirm.contains("Revoke your signature of"), confirm);
        assertTrue(confirm.contains("what you contributed before now stays covered"), confirm);
        assertTrue(confirm.contains("method=\"post\" action=\"/signatures/" + id + "/revoke\""), confirm);
        assertTrue(confirm.contains("name=\"_csrf\""), confirm);
        assertEquals("0", Sql.text("SELECT count(*) FROM signature_revocation WHERE signature_id = ?::uuid", id),
                "opening the confirmation revokes nothing");

        client.request().contentType("application/x-www-form-urlencoded").post("/signatures/" + id + "/revoke")
                .then().statusCode(403);
        assertEquals("0", Sql.text("SELECT count(*) FROM signature_revocation WHERE signature_id = ?::uuid", id),
                "the confirming form needs its CSRF token");

        client.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", client.csrf())
                .post("/signatures/" + id + "/revoke").then().statusCode(303);
        assertNotNull(Sql.text("SELECT revoked_at FROM signature_revocation WHERE signature_id = ?::uuid", id));
        String again = client.request().get("/signatures/" + id + "/revoke").then().statusCode(200).extract()
                .asString();
        assertTrue(again.contains("was already revoked on <time datetime="), again);
        assertFalse(again.contains("id=\"confirm\""), again);
    }

    @Test
    void nobodyElseSeesTheConfirmationOfASignature() {
        String owner = SigningFlowTest.newUser("own");
        WebClient client = WebClient.signIn(owner);
        String location = client.signIndividual(client.csrf(), Map.of("name", "Own Er", "email",
                owner + "@example.org")).getHeader("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        WebClient other = WebClient.signIn(SigningFlowTest.newUser("oth"));
        other.request().get("/signatures/" + id + "/revoke").then().statusCode(404);
        client.request().get("/signatures/" + id + "/revoke").then().statusCode(200);
    }

    @Test
    void removingAnApprovalAsksFirstAndTheFirstClickChangesNothing() throws Exception {
        String manager = SigningFlowTest.newUser("mgr");
        WebClient client = WebClient.signIn(manager);
        String corporate = client.signCorporate("Confirm Corp " + manager);
        client.approve(corporate, "EMAIL", "dev-" + manager + "@confirm.example").then().statusCode(303);
        String approval = Sql.text("SELECT id FROM approval WHERE corporate_id = ?::uuid", corporate);
        String path = "/corporate/agreements/" + corporate + "/approvals/" + approval + "/remove";

        String manage = client.request().get("/corporate/agreements/" + corporate).then().statusCode(200).extract()
                .asString();
        assertTrue(manage.contains("href=\"" + path + "\""), manage);
        assertFalse(manage.contains("action=\"" + path + "\""), manage);

        String confirm = client.request().get(path).then().statusCode(200).extract().asString();
        assertTrue(confirm.contains("dev-" + manager + "@confirm.example"), confirm);
        assertTrue(confirm.contains("method=\"post\" action=\"" + path + "\""), confirm);
        assertEquals("0", Sql.text("SELECT count(*) FROM approval_removal WHERE approval_id = ?",
                Long.parseLong(approval)), "opening the confirmation removes nothing");

        WebClient stranger = WebClient.signIn(SigningFlowTest.newUser("str"));
        assertEquals(403 / 100, stranger.request().get(path).statusCode() / 100, "only the company's managers");

        client.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", client.csrf())
                .post(path).then().statusCode(303);
        assertEquals("1", Sql.text("SELECT count(*) FROM approval_removal WHERE approval_id = ?",
                Long.parseLong(approval)));
        client.request().get(path).then().statusCode(404);
    }
}
