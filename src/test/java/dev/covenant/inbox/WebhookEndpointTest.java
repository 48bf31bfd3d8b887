package dev.covenant.inbox;

import static dev.covenant.Api.admin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;

@QuarkusTest
public class WebhookEndpointTest {

    static final String SECRET = "test-webhook-secret";

    static String pullRequest(String repo) {
        return "{\"action\":\"opened\",\"number\":42,\"pull_request\":{\"number\":42,\"head\":{\"sha\":\""
                + "a".repeat(40) + "\"}},"
                + "\"repository\":{\"id\":1,\"full_name\":\"" + repo + "\"},\"installation\":{\"id\":4711}}";
    }

    static RequestSpecification delivery(String id, String event, byte[] body, String signature) {
        var request = given().contentType("application/json").header("X-GitHub-Delivery", id)
                .header("X-GitHub-Event", event)
                .header("User-Agent", "GitHub-Hookshot/test").body(body);
        return signature == null ? request : request.header("X-Hub-Signature-256", signature);
    }

    public static RequestSpecification signed(String id, String event, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        return delivery(id, event, body, WebhookSignature.sign(SECRET, body));
    }

    static String count(String id) throws SQLException {
        return Sql.text("SELECT count(*) FROM delivery WHERE delivery_id = ?", id);
    }

    @Test
    void aSignedDeliveryIsStoredAndAnsweredAtOnce() throws SQLException {
        String id = UUID.randomUUID().toString();
        signed(id, "pull_request", pullRequest("acme/widget")).post("/github/webhook").then().statusCode(202)
                .body("outcome", equalTo("ACCEPTED"));
        // Stored for the worker, which may already have taken it (this payload is too thin to evaluate).
        String state = Sql.text("SELECT state FROM delivery WHERE delivery_id = ?", id);
        assertTrue(java.util.Set.of("PENDING", "PROCESSING", "FAILED").contains(state), state);
        assertEquals("acme/widget", Sql.text("SELECT repository FROM delivery WHERE delivery_id = ?", id));
        assertEquals("4711", Sql.text("SELECT installation_id FROM delivery WHERE delivery_id = ?", id));
        admin().get("/api/deliveries").then().statusCode(200).body("deliveryId", hasItem(id));
    }

    @Test
    void aRedeliveryIsANoOp() throws SQLException {
        String id = UUID.randomUUID().toString();
        signed(id, "pull_request", pullRequest("acme/first")).post("/github/webhook").then().statusCode(202);
        signed(id, "pull_request", pullRequest("acme/second")).post("/github/webhook").then().statusCode(202)
                .body("outcome", equalTo("DUPLICATE"));
        assertEquals("1", count(id));
        assertEquals("acme/first", Sql.text("SELECT repository FROM delivery WHERE delivery_id = ?", id));
    }

    @Test
    void aMissingOrWrongSignatureIs401AndNothingIsStored() throws SQLException {
        String id = UUID.randomUUID().toString();
        byte[] body = pullRequest("acme/widget").getBytes(StandardCharsets.UTF_8);
        delivery(id, "pull_request", body, null).post("/github/webhook").then().statusCode(401);
        delivery(id, "pull_request", body, WebhookSignature.sign("not the secret", body)).post("/github/webhook").then()
                .statusCode(401);
        delivery(id, "pull_request", body, WebhookSignature.sign(SECRET, "other".getBytes(StandardCharsets.UTF_8)))
                .post("/github/webhook").then().statusCode(401);
        assertEquals("0", count(id));
    }

    @Test
    void theWrongContentTypeIs415AndNothingIsStored() throws SQLException {
        String id = UUID.randomUUID().toString();
        String form = "payload=" + pullRequest("acme/widget");
        byte[] body = form.getBytes(StandardCharsets.UTF_8);
        given().contentType("text/plain").header("X-GitHub-Delivery", id).header("X-GitHub-Event", "pull_request")
                .header("X-Hub-Signature-256", WebhookSignature.sign(SECRET, body)).body(form)
                .post("/github/webhook").then().statusCode(415);
        assertEquals("0", count(id));
    }

    @Test
    void aBodyOver25MebibytesIs413AndNothingIsStored() throws SQLException {
        String id = UUID.randomUUID().toString();
        // The server answers as soon as it reads the declared length, so speak HTTP by hand and read that answer.
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            String head = "POST /github/webhook HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\n"
                    + "X-GitHub-Delivery: " + id
                    + "\r\nX-GitHub-Event: pull_request\r\nX-Hub-Signature-256: sha256=00\r\n"
                    + "Content-Length: " + (25L * 1024 * 1024 + 1) + "\r\n\r\n{";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            String status = new java.io.BufferedReader(
                    new java.io.InputStreamReader(socket.getInputStream(), StandardCharsets.US_ASCII))
                    .readLine();
            assertEquals("HTTP/1.1 413 Request Entity Too Large", status);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
        assertEquals("0", count(id));
    }

    @Test
    void malformedJsonWithAValidSignatureIsStoredAsFailedAnd400() throws SQLException {
        String id = UUID.randomUUID().toString();
        signed(id, "pull_request", "{\"action\": \"opened\", ").post("/github/webhook").then().statusCode(400)
                .contentType("application/problem+json").body("detail", containsString("stored as failed"));
        assertEquals("FAILED", Sql.text("SELECT state FROM delivery WHERE delivery_id = ?", id));
        assertEquals("true",
                Sql.text("SELECT (last_error LIKE '%not valid JSON%')::text FROM delivery WHERE delivery_id = ?", id));
    }

    @Test
    void unknownEventsAndActionsAreRecordedAndIgnored() throws SQLException {
        String star = UUID.randomUUID().toString();
        signed(star, "star", "{\"action\":\"created\"}").post("/github/webhook").then().statusCode(202).body("outcome",
                equalTo("IGNORED"));
        String labeled = UUID.randomUUID().toString();
        signed(labeled, "pull_request", pullRequest("acme/widget").replace("opened", "labeled")).post("/github/webhook")
                .then()
                .statusCode(202).body("outcome", equalTo("IGNORED"));
        assertEquals("IGNORED", Sql.text("SELECT state FROM delivery WHERE delivery_id = ?", star));
        assertEquals("IGNORED", Sql.text("SELECT state FROM delivery WHERE delivery_id = ?", labeled));
        String project = UUID.randomUUID().toString();
        signed(project, "projects_v2_item", "{\"action\":\"edited\"}").post("/github/webhook").then().statusCode(202)
                .body("outcome", equalTo("IGNORED"));
        for (String action : List.of("{\"action\":7}", "{\"action\":null}", "{\"action\":{\"x\":1}}", "{}")) {
            String id = UUID.randomUUID().toString();
            signed(id, "pull_request", action).post("/github/webhook").then().statusCode(202)
                    .body("outcome", equalTo("IGNORED"));
        }
        String nul = UUID.randomUUID().toString();
        signed(nul, "pull_request", "{\"action\":\"opened\\u0000\"}").post("/github/webhook").then().statusCode(400);
        assertEquals("FAILED", Sql.text("SELECT state FROM delivery WHERE delivery_id = ?", nul));
    }

    @Test
    void aPingIsAnsweredAndDone() throws SQLException {
        String id = UUID.randomUUID().toString();
        signed(id, "ping", "{\"zen\":\"Keep it logically awesome.\",\"hook_id\":1}").post("/github/webhook").then()
                .statusCode(202);
        assertEquals("DONE", Sql.text("SELECT state FROM delivery WHERE delivery_id = ?", id));
    }

    @Test
    void onlyDeadDeliveriesCanBeRedriven() {
        String id = UUID.randomUUID().toString();
        signed(id, "pull_request", pullRequest("acme/widget")).post("/github/webhook").then().statusCode(202);
        admin().post("/api/deliveries/" + id + "/redrive").then().statusCode(409);
        admin().post("/api/deliveries/no-such-delivery/redrive").then().statusCode(404);
        admin().queryParam("state", "SLEEPY").get("/api/deliveries").then().statusCode(400).body("field",
                equalTo("state"));
        given().get("/api/deliveries").then().statusCode(401);
    }
}
