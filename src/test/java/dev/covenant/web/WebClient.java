package dev.covenant.web;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

import dev.covenant.Sql;
import dev.covenant.github.FakeGitHub;
import dev.covenant.github.FakeGitHubResource;

/** A browser without a browser: follows the sign-in redirects by hand and keeps the session cookie. */
public final class WebClient {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    final String session;

    private WebClient(String session) {
        this.session = session;
    }

    public static FakeGitHub github() {
        return FakeGitHubResource.fake();
    }

    /** Signs in through the fake GitHub as this user and returns a client holding the session. */
    public static WebClient signIn(String login) {
        github().signInAs(login);
        Response start = given().redirects().follow(false).get("/login?next=/me");
        assertEquals(303, start.statusCode(), start.asString());
        String stateCookie = start.getCookie(SignInResource.STATE_COOKIE);
        Response authorize = given().urlEncodingEnabled(false).redirects().follow(false)
                .get(start.getHeader("Location"));
        assertEquals(302, authorize.statusCode(), authorize.asString());
        Response callback = given().urlEncodingEnabled(false).redirects().follow(false)
                .cookie(SignInResource.STATE_COOKIE, stateCookie)
                .get(authorize.getHeader("Location"));
        assertEquals(303, callback.statusCode(), callback.asString());
        String session = callback.getCookie(WebSessions.COOKIE);
        assertNotNull(session, "no session cookie after sign-in");
        return new WebClient(session);
    }

    /** The callback URL GitHub would send the browser to, and the state cookie the browser holds. */
    static Map<String, String> startSignIn(String login) {
        github().signInAs(login);
        Response start = given().redirects().follow(false).get("/login?next=/me");
        Response authorize = given().urlEncodingEnabled(false).redirects().follow(false)
                .get(start.getHeader("Location"));
        return Map.of("callback", authorize.getHeader("Location"), "cookie",
                start.getCookie(SignInResource.STATE_COOKIE));
    }

    public RequestSpecification request() {
        return given().redirects().follow(false).cookie(WebSessions.COOKIE, session);
    }

    public String csrf() {
        Matcher m = CSRF.matcher(request().get("/me").asString());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on /me");
        }
        return m.group(1);
    }

    /** Submits the signing form of the shipped individual agreement's current version. */
    public Response signIndividual(String csrf, Map<String, String> fields) {
        var request = request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf)
                .formParam("version", "1.0.0")
                .formParam("sha256", Sql.textUnchecked("SELECT v.sha256 FROM agreement_version v JOIN agreement a "
                        + "ON a.id = v.agreement_id WHERE a.slug = 'individual'"));
        fields.forEach(request::formParam);
        return request.post("/agreements/individual/sign");
    }

    /** Signs the shipped corporate agreement for {@code company}; returns the corporate agreement's id. */
    public String signCorporate(String company) {
        String sha = Sql
                .textUnchecked("SELECT v.sha256 FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id "
                        + "WHERE a.slug = 'corporate'");
        Response response = request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf())
                .formParam("version", "1.0.0").formParam("sha256", sha).formParam("company", company)
                .formParam("title", "CTO").formParam("contact_email", "legal@acme.example").formParam("managers", "")
                .post("/corporate/corporate/sign");
        assertEquals(303, response.statusCode(), response.asString());
        String location = response.getHeader("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    /** Adds to a company's approval list through its managers' page, valid from 2020. */
    public Response approve(String corporateId, String kind, String value) {
        return request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf())
                .formParam("kind", kind).formParam("value", value).formParam("validFrom", "2020-01-01")
                .post("/corporate/agreements/" + corporateId + "/approvals");
    }

    /** Takes every line with this kind and value off the company's list, through its managers' page. */
    public void removeApprovals(String corporateId, String kind, String value) {
        for (String id : Sql.textsUnchecked("SELECT id FROM approval WHERE corporate_id = ?::uuid AND kind = ?"
                + " AND value = ?", corporateId, kind, value)) {
            request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf())
                    .post("/corporate/agreements/" + corporateId + "/approvals/" + id + "/remove").then()
                    .statusCode(303);
        }
    }
}
