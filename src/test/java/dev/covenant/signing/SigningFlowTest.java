package dev.covenant.signing;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.github.FakeEmail;
import dev.covenant.web.WebClient;

@QuarkusTest
public class SigningFlowTest {

    private static final AtomicLong IDS = new AtomicLong(7_000_000 + (System.nanoTime() % 1_000_000));

    public static String newUser(String prefix, String... emails) {
        long id = IDS.incrementAndGet();
        String login = prefix + id;
        List<FakeEmail> list = new java.util.ArrayList<>();
        list.add(new FakeEmail(login + "@example.org", true, true));
        for (String e : emails) {
            list.add(new FakeEmail(e, false, !e.startsWith("unverified")));
        }
        WebClient.github().addUser(id, login, "Ada " + login, list);
        return login;
    }

    static long idOf(String login) throws SQLException {
        String id = Sql.text("SELECT github_id FROM person WHERE login = ?", login);
        return id == null ? -1 : Long.parseLong(id);
    }

    static Response sign(WebClient client, String csrf, Map<String, String> fields) {
        return client.signIndividual(csrf, fields);
    }

    @Test
    void signInRemembersThePersonByIdWithTheirVerifiedEmails() throws SQLException {
        String login = newUser("ada", "second@example.org", "unverified@example.org");
        WebClient client = WebClient.signIn(login);
        client.request().get("/me").then().statusCode(200).body(containsString(login));
        assertEquals("true", Sql.text(
                "SELECT bool_and(verified)::text FROM person_email WHERE github_id = ? AND email <> 'unverified@example.org'",
                idOf(login)));
        assertEquals("false",
                Sql.text("SELECT verified::text FROM person_email WHERE email = 'unverified@example.org'"));
    }

    @Test
    void aContributorSignsGetsAReceiptAndCanRevoke() throws SQLException {
        String login = newUser("bob");
        WebClient client = WebClient.signIn(login);
        String csrf = client.csrf();
        Response signed = sign(client, csrf, Map.of("name", "Bob Builder", "email", login + "@example.org"));
        assertEquals(303, signed.statusCode(), signed.asString());
        String receipt = signed.getHeader("Location");
        assertThat(receipt, containsString("/signatures/"));
        client.request().get(receipt).then().statusCode(200).body(containsString("Bob Builder"))
                .body(containsString(Sql.text(
                        "SELECT sha256 FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id WHERE a.slug = 'individual'")));
        client.request().get(receipt + ".json").then().statusCode(200).body("fields.name", equalTo("Bob Builder"))
                .body("ledgerEntry.hash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"));

        // Signing the same version again changes nothing.
        Response again = sign(client, csrf, Map.of("name", "Bob Builder", "email", login + "@example.org"));
        assertEquals(receipt, again.getHeader("Location"));
        assertEquals("1", Sql.text("SELECT count(*) FROM signature WHERE github_id = ?", idOf(login)));

        String id = receipt.substring(receipt.lastIndexOf('/') + 1);
        client.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf)
                .post("/signatures/" + id + "/revoke").then().statusCode(303);
        assertNotNull(Sql.text("SELECT revoked_at FROM signature_revocation WHERE signature_id = ?::uuid", id));
        assertEquals("signature.revoked", Sql.text("SELECT kind FROM ledger_entry ORDER BY seq DESC LIMIT 1"));
    }

    @Test
    void aMissingOrWrongCsrfTokenIs403AndStoresNothing() throws SQLException {
        String login = newUser("eve");
        WebClient client = WebClient.signIn(login);
        assertEquals(403, sign(client, "", Map.of("name", "Eve", "email", login + "@example.org")).statusCode());
        assertEquals(403, sign(client, "forged", Map.of("name", "Eve", "email", login + "@example.org")).statusCode());
        assertEquals("0", Sql.text("SELECT count(*) FROM signature WHERE github_id = ?", idOf(login)));
    }

    @Test
    void invalidFieldsAreShownNextToTheFieldAndTheFormIsKept() throws SQLException {
        String login = newUser("val");
        WebClient client = WebClient.signIn(login);
        String csrf = client.csrf();
        sign(client, csrf, Map.of("name", "", "email", login + "@example.org")).then().statusCode(400)
                .body(containsString("id=\"f-name-error\""))
                .body(containsString("Please fill this in"));
        sign(client, csrf, Map.of("name", "x".repeat(501), "email", login + "@example.org")).then().statusCode(400)
                .body(containsString("500 characters or fewer"));
        sign(client, csrf, Map.of("name", "Kept Name", "email", "someone-else@example.org")).then().statusCode(400)
                .body(containsString("verified for you"))
                .body(containsString("value=\"Kept Name\""));
        assertEquals("0", Sql.text("SELECT count(*) FROM signature WHERE github_id = ?", idOf(login)));
    }

    @Test
    void whatAPersonTypedIsEscapedOnEveryPage() throws SQLException {
        String login = newUser("xss");
        String script = "<script>alert(1)</script>";
        WebClient client = WebClient.signIn(login);
        String csrf = client.csrf();
        sign(client, csrf, Map.of("name", script, "email", login + "@example.org")).then().statusCode(303);
        String receiptPath = Sql.text("SELECT '/signatures/' || id FROM signature WHERE github_id = ?", idOf(login));
        client.request().get(receiptPath).then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")).body(not(containsString(script)));
        // Also when the form comes back with an error.
        sign(newClientAfterRevoke(client, csrf, receiptPath), csrf, Map.of("name", script, "email", "bad" + script))
                .then().statusCode(400).body(not(containsString(script)));
    }

    private static WebClient newClientAfterRevoke(WebClient client, String csrf, String receiptPath) {
        client.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf)
                .post(receiptPath + "/revoke").then().statusCode(303);
        return client;
    }

    @Test
    void nobodyElseSeesOrRevokesASignature() throws SQLException {
        String owner = newUser("own");
        WebClient ownerClient = WebClient.signIn(owner);
        sign(ownerClient, ownerClient.csrf(), Map.of("name", "Owner", "email", owner + "@example.org")).then()
                .statusCode(303);
        String id = Sql.text("SELECT id FROM signature WHERE github_id = ?", idOf(owner));
        // Without it every 404 below would pass, asked about "null".
        assertNotNull(id, "the owner's signature");
        WebClient other = WebClient.signIn(newUser("oth"));
        other.request().get("/signatures/" + id).then().statusCode(404);
        other.request().get("/signatures/" + id + ".json").then().statusCode(404);
        other.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", other.csrf())
                .post("/signatures/" + id + "/revoke").then().statusCode(404);
        assertNull(Sql.text("SELECT revoked_at FROM signature_revocation WHERE signature_id = ?::uuid", id));
        given().redirects().follow(false).get("/signatures/" + id).then().statusCode(401);
    }

    @Test
    void theAgreementPageShowsTheTermsInPlainWordsAndNoPersonalData() {
        given().get("/agreements/individual").then().statusCode(200)
                .body(containsString("What you grant, in plain words"))
                .body(containsString("OSI"))
                .body(containsString("Sign in with GitHub to sign"));
        given().get("/").then().statusCode(200).body(containsString("/agreements/individual"));
    }
}
