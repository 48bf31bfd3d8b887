package dev.covenant.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.covenant.signing.SigningFlowTest;

/**
 * Every JSON API endpoint the OpenAPI document lists refuses an anonymous call, and every one but the few meant for
 * any signed-in person refuses a stranger's session: a resource that forgets to declare who may call is caught here.
 */
@QuarkusTest
class ApiAccessTest {

    /** The endpoints open to any signed-in person (they decide what that person sees themselves). */
    private static final Set<String> OPEN_TO_PEOPLE = Set.of(
            "GET /api/corporate/{id}/approvals",
            "POST /api/corporate/{id}/approvals",
            "DELETE /api/corporate/{id}/approvals/{approval}",
            "GET /api/repos/{owner}/{repo}/relicensing",
            // a person's own address claims
            "GET /api/me/addresses", "POST /api/me/addresses/claims", "POST /api/me/addresses/claims/verify");
    /** The ledger's signed head and its key are published for anyone to anchor; they name no one. */
    private static final List<String> PUBLIC = List.of("GET /api/ledger/head", "GET /api/ledger/key");
    private static final Map<String, String> PATH_VALUES = Map.of("{owner}", "nobody-owns", "{repo}", "this-repo",
            "{id}", "1", "{githubId}", "1", "{slug}", "individual", "{version}", "1.0.0", "{approval}", "1", "{email}",
            "nobody@example.org");

    private List<String> operations;

    @BeforeEach
    void readTheOpenApiDocument() {
        Map<String, Map<String, Object>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().jsonPath().getMap("paths");
        operations = new ArrayList<>();
        // The document also lists the webhook, which answers to GitHub's signature instead.
        paths.entrySet().stream().filter(p -> p.getKey().startsWith("/api/"))
                .forEach(p -> p.getValue().keySet().stream()
                        .filter(m -> Set.of("get", "post", "put", "patch", "delete").contains(m))
                        .forEach(m -> operations.add(m.toUpperCase() + " " + p.getKey())));
        // A document that lost its endpoints must fail here, not pass every check below by checking nothing.
        assertTrue(operations.size() >= 30, "the OpenAPI document lists only " + operations);
    }

    @Test
    void anAnonymousCallToAnyEndpointIs401WithABearerChallenge() {
        for (String operation : operations) {
            Response response = call(given(), operation);
            if (PUBLIC.contains(operation)) {
                assertEquals(200, response.statusCode(), operation + ": " + response.asString());
                continue;
            }
            assertEquals(401, response.statusCode(), operation + ": " + response.asString());
            assertEquals("application/problem+json", response.contentType(), operation);
            assertEquals("Bearer realm=\"covenant\"", response.header("WWW-Authenticate"), operation);
        }
    }

    @Test
    void aWrongBearerTokenIsRefusedEverywhereAndNeverTakenForAnonymous() {
        for (String operation : operations) {
            if (PUBLIC.contains(operation)) {
                continue;
            }
            Response response = call(given().header("Authorization", "Bearer not-a-token"), operation);
            assertEquals(401, response.statusCode(), operation + ": " + response.asString());
        }
        // Not even on a public page.
        given().header("Authorization", "Bearer not-a-token").get("/agreements/individual").then().statusCode(401);
    }

    @Test
    void aStrangersSessionOpensOnlyThePeoplesEndpoints() {
        WebClient stranger = WebClient.signIn(SigningFlowTest.newUser("nosy"));
        String csrf = stranger.csrf();
        Set<String> opened = new TreeSet<>();
        for (String operation : operations) {
            Response response = call(stranger.request().header(Csrf.HEADER, csrf), operation);
            if (response.statusCode() != 403) {
                opened.add(operation);
            }
        }
        Set<String> expected = new TreeSet<>(OPEN_TO_PEOPLE);
        expected.addAll(PUBLIC);
        assertEquals(expected, opened);
    }

    private static Response call(RequestSpecification request, String operation) {
        String method = operation.substring(0, operation.indexOf(' '));
        String path = operation.substring(operation.indexOf(' ') + 1);
        for (var value : PATH_VALUES.entrySet()) {
            path = path.replace(value.getKey(), value.getValue());
        }
        request = request.redirects().follow(false);
        if (!method.equals("GET") && !method.equals("DELETE")) {
            request = request.contentType("application/json").body("{}");
        }
        return request.request(method, path);
    }
}
