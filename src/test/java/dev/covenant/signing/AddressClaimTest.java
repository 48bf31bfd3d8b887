package dev.covenant.signing;

import static dev.covenant.Api.admin;
import static dev.covenant.Api.anonymous;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.inject.Inject;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.MockMailbox;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.relicensing.history.GitRepo;
import dev.covenant.web.Csrf;
import dev.covenant.web.WebClient;

/**
 * A contributor claims an address by entering the code mailed there (read from Quarkus' mock mailbox): the claim
 * is a ledger entry and the report then counts the address's commits, in a real git history, as theirs. Wrong and
 * expired codes are 400s naming {@code code}; five wrong codes lock the claim for an hour (429 saying until when).
 */
@QuarkusTest
class AddressClaimTest {

    private static final Pattern CODE = Pattern.compile("Your code is: ([0-9]{6})");

    @Inject
    MockMailbox mailbox;

    /** A signed-in person and their session's API requests. */
    private record Claimer(String login, WebClient client, String csrf) {

        static Claimer signIn() {
            String login = SigningFlowTest.newUser("claimer");
            WebClient client = WebClient.signIn(login);
            return new Claimer(login, client, client.csrf());
        }

        RequestSpecification api() {
            return client.request().header(Csrf.HEADER, csrf).contentType(ContentType.JSON);
        }

        Response ask(String email) {
            return api().body(Map.of("email", email)).post("/api/me/addresses/claims");
        }

        Response enter(String email, String code) {
            return api().body(Map.of("email", email, "code", code)).post("/api/me/addresses/claims/verify");
        }
    }

    private static String address() {
        return "jdoe@" + UUID.randomUUID();
    }

    private String code(String address) {
        List<Mail> mails = mailbox.getMailsSentTo(address);
        assertEquals(1, mails.size(), "one mail to " + address);
        Matcher m = CODE.matcher(mails.get(0).getText());
        assertTrue(m.find(), mails.get(0).getText());
        return m.group(1);
    }

    private static String wrong(String code) {
        return code.equals("000000") ? "111111" : "000000";
    }

    private static void assertProblem(Response response, int status, String field) {
        assertEquals(status, response.statusCode(), response.asString());
        assertEquals("application/problem+json", response.contentType().split(";")[0]);
        if (field != null) {
            assertEquals(field, response.path("field"), response.asString());
        }
    }

    @Test
    void aClaimedSubversionAddressCountsAsTheClaimersInTheReport() throws IOException {
        Claimer claimer = Claimer.signIn();
        claimer.client().signIndividual(claimer.csrf(), Map.of("name", "J Doe", "email",
                claimer.login() + "@example.org")).then().statusCode(303);
        String owner = "claim-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("owner", owner, "agreement", "individual", "licenses",
                List.of(Map.of("from", "2000-01-01", "spdx", "MIT")))).post("/api/projects").then().statusCode(201);
        String address = address();
        GitRepo repo = new GitRepo();
        repo.write("svn.c", "int a;\n");
        repo.commit("jdoe", address, "r1");
        repo.write("svn.c", "int a;\nint b;\n");
        repo.commit("jdoe", address, "r2");
        admin().queryParam("wait", true).body(Map.of("cloneUrl", repo.dir.toUri().toString()))
                .post("/api/repos/" + owner + "/lib/history").then().statusCode(200).body("state", equalTo("DONE"));
        String reportPath = "/api/repos/" + owner + "/lib/relicensing";
        admin().queryParam("to", "Apache-2.0").get(reportPath).then().statusCode(200)
                .body("contributors[0].contributor", equalTo(address))
                .body("contributors[0].status", equalTo("UNKNOWN_IDENTITY"));

        claimer.ask(address.toUpperCase()).then().statusCode(202).body("email", equalTo(address));
        String code = code(address);
        assertProblem(claimer.enter(address, wrong(code)), 400, "code");
        Response verified = claimer.enter(address, code);
        assertEquals(200, verified.statusCode(), verified.asString());
        long seq = ((Number) verified.path("ledger.seq")).longValue();
        assertEquals("address.claimed", Sql.textUnchecked("SELECT kind FROM ledger_entry WHERE seq = ?", seq));
        assertEquals(verified.path("ledger.hash"), Sql.textUnchecked("SELECT hash FROM ledger_entry WHERE seq = ?",
                seq));
        claimer.api().get("/api/me/addresses").then().statusCode(200).body("[0].email", equalTo(address));

        JsonPath report = admin().queryParam("to", "Apache-2.0").get(reportPath).then().statusCode(200).extract()
                .jsonPath();
        assertEquals(1, report.getList("contributors").size());
        assertEquals(claimer.login(), report.getString("contributors[0].login"));
        assertEquals("GRANTED", report.getString("contributors[0].status"));
        assertEquals(List.of(address), report.getList("contributors[0].emails"));
        assertEquals(Long.parseLong(repo.git("rev-list", "--count", "HEAD").strip()),
                report.getLong("contributors[0].commits"));
    }

    @Test
    void anExpiredCodeIsA400NamingTheCode() throws SQLException {
        Claimer claimer = Claimer.signIn();
        String address = address();
        claimer.ask(address).then().statusCode(202);
        String code = code(address);
        Sql.update("UPDATE address_claim SET code_expires_at = now() - interval '1 second' WHERE email = ?",
                address);
        Response expired = claimer.enter(address, code);
        assertProblem(expired, 400, "code");
        assertTrue(expired.path("detail").toString().contains("expired"), expired.asString());
    }

    @Test
    void fiveWrongCodesLockTheClaimForAnHour() {
        Claimer claimer = Claimer.signIn();
        String address = address();
        claimer.ask(address).then().statusCode(202);
        String code = code(address);
        for (int i = 4; i >= 1; i--) {
            Response wrong = claimer.enter(address, wrong(code));
            assertProblem(wrong, 400, "code");
            assertTrue(wrong.path("detail").toString().contains(i + " more wrong"), wrong.asString());
        }
        Response locked = claimer.enter(address, wrong(code));
        assertProblem(locked, 429, null);
        assertTrue(locked.path("detail").toString().contains("locked until"), locked.asString());
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter > 3500 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertProblem(claimer.enter(address, code), 429, null);
        assertProblem(claimer.ask(address), 429, null);
        assertEquals(1, mailbox.getMailsSentTo(address).size(), "no new code while locked");
        assertEquals("0", Sql.textUnchecked("SELECT count(*) FROM address_claim WHERE email = ?"
                + " AND verified_at IS NOT NULL", address));
    }

    @Test
    void aPersonGetsTenCodesAnHourAcrossTheirClaimsAndThenA429() {
        Claimer claimer = Claimer.signIn();
        String first = address();
        String other = address();
        for (int i = 0; i < 6; i++) {
            claimer.ask(first).then().statusCode(202);
        }
        for (int i = 0; i < 4; i++) {
            claimer.ask(other).then().statusCode(202);
        }
        Response refused = claimer.ask(address());
        assertProblem(refused, 429, null);
        assertTrue(refused.path("detail").toString().contains("Too many codes"), refused.asString());
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertTrue(retryAfter > 3500 && retryAfter <= 3600, "Retry-After " + retryAfter);
        assertProblem(claimer.ask(first), 429, null);
        assertEquals(6, mailbox.getMailsSentTo(first).size(), "no seventh mail to the first address");
        assertEquals(4, mailbox.getMailsSentTo(other).size());
        // Someone else's budget is their own.
        Claimer.signIn().ask(first).then().statusCode(202);
    }

    @Test
    void theAddressesPageClaimsThroughItsForms() {
        Claimer claimer = Claimer.signIn();
        String address = address();
        claimer.client().request().get("/me/addresses").then().statusCode(200)
                .body(containsString("action=\"/me/addresses/claims\""));
        claimer.client().request().contentType("application/x-www-form-urlencoded").formParam("email", address)
                .post("/me/addresses/claims").then().statusCode(403);
        claimer.client().request().contentType("application/x-www-form-urlencoded").formParam(Csrf.FIELD,
                claimer.csrf()).formParam("email", address).post("/me/addresses/claims").then().statusCode(200)
                .body(containsString("A code was mailed to " + address));
        String code = code(address);
        claimer.client().request().contentType("application/x-www-form-urlencoded").formParam(Csrf.FIELD,
                claimer.csrf()).formParam("email", address).formParam("code", wrong(code))
                .post("/me/addresses/verify").then().statusCode(400).body(containsString("is wrong"));
        claimer.client().request().contentType("application/x-www-form-urlencoded").formParam(Csrf.FIELD,
                claimer.csrf()).formParam("email", address).formParam("code", code).post("/me/addresses/verify")
                .then().statusCode(200).body(containsString(address + " is one of your verified addresses"));
    }

    @Test
    void badInputIsA400NamingTheFieldAndOnlyAPersonMayClaim() {
        Claimer claimer = Claimer.signIn();
        assertProblem(claimer.ask("not an address"), 400, "email");
        assertProblem(claimer.enter("a@b", "12"), 400, "code");
        assertProblem(claimer.enter(address(), "123456"), 400, "email");
        assertProblem(claimer.api().body(Map.of("email", "a@b", "colour", "red")).post("/api/me/addresses/claims"),
                400, "colour");
        anonymous().body(Map.of("email", "a@b")).post("/api/me/addresses/claims").then().statusCode(401);
        admin().body(Map.of("email", "a@b")).post("/api/me/addresses/claims").then().statusCode(403);
        assertNotNull(claimer.login());
    }
}
