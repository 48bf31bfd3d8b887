package dev.covenant.signing;

import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.web.WebClient;

/** The other CLA managers a signatory names are GitHub accounts, looked up before anything is signed. */
@QuarkusTest
class CorporateManagersTest {

    private static Response sign(WebClient client, String company, String managers) {
        String sha = Sql
                .textUnchecked("SELECT v.sha256 FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id "
                        + "WHERE a.slug = 'corporate'");
        return client.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", client.csrf())
                .formParam("version", "1.0.0").formParam("sha256", sha).formParam("company", company)
                .formParam("title", "CTO").formParam("contact_email", "legal@acme.example")
                .formParam("managers", managers).post("/corporate/corporate/sign");
    }

    @Test
    void aNamedManagerManagesTheListToo() {
        WebClient signatory = WebClient.signIn(SigningFlowTest.newUser("sig"));
        String colleague = SigningFlowTest.newUser("colleague");
        Response signed = sign(signatory, "Managed Corp", colleague);
        assertEquals(303, signed.statusCode(), signed.asString());
        String location = signed.getHeader("Location");
        String path = location.substring(location.indexOf("/corporate/"));
        WebClient.signIn(colleague).request().get(path).then().statusCode(200)
                .body(containsString("Managed Corp"));
    }

    @Test
    void unknownOrTooManyManagersKeepTheFormAndSignNothing() throws SQLException {
        WebClient signatory = WebClient.signIn(SigningFlowTest.newUser("sig"));
        String company = "Nobody Corp " + System.nanoTime();
        sign(signatory, company, "no-such-user-" + System.nanoTime()).then().statusCode(400)
                .body(containsString("GitHub has no user no-such-user-"));
        sign(signatory, company, "a,b,c,d,e,f,g,h,i,j,k").then().statusCode(400)
                .body(containsString("Name at most 10 managers"));
        sign(signatory, company, "not a/login").then().statusCode(400).body(containsString("GitHub has no user"));
        assertEquals("0", Sql.text("SELECT count(*) FROM corporate_agreement WHERE company = ?", company));
    }
}
