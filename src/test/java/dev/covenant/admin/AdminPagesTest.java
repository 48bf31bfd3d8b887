package dev.covenant.admin;

import static dev.covenant.admin.AdminPagesTestSupport.adminAccount;
import static dev.covenant.admin.AdminPagesTestSupport.owner;
import static dev.covenant.admin.AdminPagesTestSupport.user;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.web.WebClient;

/** What the administration pages do, through their forms as a browser sends them. */
@QuarkusTest
class AdminPagesTest {

    private static final String FORM = "application/x-www-form-urlencoded";

    private static RequestSpecification form(WebClient client) {
        return client.request().contentType(FORM).formParam("_csrf", client.csrf());
    }

    private static RequestSpecification version(WebClient client, String bump, String version, String text) {
        return version(client, bump, version, text, "");
    }

    private static RequestSpecification version(WebClient client, String bump, String version, String text,
            String licenses) {
        return form(client).formParam("bump", bump).formParam("version", version).formParam("text", text)
                .formParam("grant", "LICENSE").formParam("sublicensable", "yes")
                .formParam("coversPriorContributions", "no").formParam("patentGrant", "yes")
                .formParam("outboundPolicy", "SAME_OR_OSI").formParam("outboundLicenses", licenses);
    }

    private static String versions(String slug) {
        return Sql.textUnchecked("SELECT string_agg(v.version, ',' ORDER BY v.id) FROM agreement_version v"
                + " JOIN agreement a ON a.id = v.agreement_id WHERE a.slug = ?", slug);
    }

    @Test
    void thePreviewShowsTextTermsAndDiffAndPublishesNothingUntilConfirmed() {
        String slug = AdminPagesTestSupport.agreement("# Terms\n\nYou grant a license.\n");
        WebClient admin = WebClient.signIn(adminAccount());
        admin.request().get("/admin/agreements/" + slug + "/publish").then().statusCode(200)
                .body(containsString("You grant a license."));

        String text = "# Terms\r\n\r\nYou grant a broad license.\r\n\r\n<script>alert(1)</script>\r\n";
        version(admin, "MINOR", "", text).formParam("step", "preview").post("/admin/agreements/" + slug + "/publish")
                .then().statusCode(200).body(containsString("Preview: Admin pages agreement, version 1.1.0"))
                .body(containsString("signatures of 1.0.0 stay valid"))
                .body(containsString("<del>You grant a license.</del>"))
                .body(containsString("<ins>You grant a broad license.</ins>"))
                .body(containsString("You also license any of your patents"))
                .body(containsString("any OSI-approved license"))
                .body(not(containsString("<script>alert(1)</script>")));
        assertEquals("1.0.0", versions(slug), "a preview publishes nothing");

        admin.request().contentType(FORM).formParam("_csrf", admin.csrf()).formParam("step", "publish")
                .formParam("bump", "MINOR").formParam("version", "1.1.0").formParam("text", text)
                .formParam("grant", "LICENSE").formParam("sublicensable", "yes")
                .formParam("coversPriorContributions", "no").formParam("patentGrant", "yes")
                .formParam("outboundPolicy", "SAME_OR_OSI").formParam("outboundLicenses", "")
                .post("/admin/agreements/" + slug + "/publish").then().statusCode(303)
                .header("Location", containsString("/agreements/" + slug + "/1.1.0"));
        assertEquals("1.0.0,1.1.0", versions(slug));
        assertEquals("# Terms\n\nYou grant a broad license.\n\n<script>alert(1)</script>\n",
                Sql.textUnchecked("SELECT v.text FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id"
                        + " WHERE a.slug = ? AND v.version = '1.1.0'", slug),
                "kept with the line ends of the shipped texts");

        version(admin, "MAJOR", "", "# Terms\n\nYou assign everything.\n").formParam("step", "preview")
                .post("/admin/agreements/" + slug + "/publish").then().statusCode(200)
                .body(containsString("version 2.0.0")).body(containsString("must sign again"));
    }

    @Test
    void wrongInputIsShownBesideItsFieldAndSummarisedInWords() {
        String slug = AdminPagesTestSupport.agreement("# Terms\n\nOne.\n");
        WebClient admin = WebClient.signIn(adminAccount());
        String page = version(admin, "MAJOR", "1.2.0", "# Terms\n\nOne.\n", "MIT")
                .formParam("step", "preview").post("/admin/agreements/" + slug + "/publish").then().statusCode(400)
                .body(containsString("id=\"version-error\"")).body(containsString("id=\"error-summary\""))
                .body(containsString("a major change is numbered 2.0.0")).extract().asString();
        assertTrue(page.contains("id=\"outboundLicenses-error\""), "listed licenses with SAME_OR_OSI");
        assertTrue(page.contains("<a href=\"#version\">Version: 1.2.0 keeps major version 1"),
                "the summary names the field by its label: " + page);
        version(admin, "MINOR", "1.0.0", "# Terms\n\nOne.\n").formParam("step", "publish")
                .post("/admin/agreements/" + slug + "/publish").then().statusCode(400)
                .body(containsString("Must be greater than the latest published version 1.0.0."))
                .body(containsString("Is identical to version 1.0.0"));
        assertEquals("1.0.0", versions(slug));
    }

    @Test
    void linkingNamesEachWrongFieldAndLinksWhenRight() {
        WebClient admin = WebClient.signIn(adminAccount());
        String owner = owner();
        form(admin).formParam("scope", owner + "/widget").formParam("agreement", "individual")
                .formParam("licenseFrom0", "2020-01-01").formParam("licenseSpdx0", "MIT")
                .formParam("licenseFrom1", "2021-13-01").formParam("licenseSpdx1", "Apache-2")
                .formParam("allowlist", "*[bot]\nbad pattern!").post("/admin/projects").then().statusCode(400)
                .body(containsString("id=\"licenseFrom1-error\"")).body(containsString("id=\"licenseSpdx1-error\""))
                .body(containsString("id=\"allowlist-error\"")).body(not(containsString("id=\"licenseSpdx0-error\"")))
                .body(containsString("value=\"Apache-2\""));
        assertEquals("0", Sql.textUnchecked("SELECT count(*) FROM project WHERE owner = ?", owner));

        form(admin).formParam("scope", owner + "/widget").formParam("agreement", "individual")
                .formParam("corporateAgreement", "corporate").formParam("accepts", "SINCE")
                .formParam("acceptsSince", "1.0.0").formParam("licenseFrom0", "2020-01-01")
                .formParam("licenseSpdx0", "MIT").formParam("licenseFrom2", "2023-06-01")
                .formParam("licenseSpdx2", "Apache-2.0").formParam("allowlist", "*[bot]\nrelease-robot")
                .formParam("checkCommitters", "yes").post("/admin/projects").then().statusCode(303);
        assertEquals("individual|corporate|SINCE|1.0.0|*[bot]\nrelease-robot|true", Sql.textUnchecked(
                "SELECT a.slug || '|' || c.slug || '|' || p.accepts || '|' || p.accepts_since || '|' || p.allowlist"
                        + " || '|' || p.check_committers FROM project p JOIN agreement a ON a.id = p.agreement_id"
                        + " JOIN agreement c ON c.id = p.corporate_agreement_id WHERE p.owner = ? AND p.repo = 'widget'",
                owner));
        assertEquals("2020-01-01 MIT,2023-06-01 Apache-2.0", Sql.textUnchecked(
                "SELECT string_agg(l.effective_from || ' ' || l.spdx, ',' ORDER BY l.effective_from)"
                        + " FROM project_license l JOIN project p ON p.id = l.project_id WHERE p.owner = ?",
                owner));
        admin.request().get("/admin/projects?linked=" + owner + "/widget").then().statusCode(200)
                .body(containsString(owner + "/widget is linked."));
        form(admin).formParam("scope", owner + "/widget").formParam("agreement", "individual")
                .post("/admin/projects").then().statusCode(400).body(containsString("id=\"scope-error\""))
                .body(containsString("already exists"));
    }

    @Test
    void anAdminRevokesASignatureAfterAConfirmationAndTheLedgerSaysWho() {
        String signer = user("signer");
        WebClient person = WebClient.signIn(signer);
        person.signIndividual(person.csrf(), Map.of("name", "Ada Signer", "email", signer + "@example.org"))
                .then().statusCode(303);
        String id = Sql.textUnchecked("SELECT s.id::text FROM signature s JOIN person p ON p.github_id = s.github_id"
                + " WHERE p.login = ?", signer);
        WebClient admin = WebClient.signIn(adminAccount());
        admin.request().get("/admin/agreements/individual/signatures?q=" + signer.toUpperCase()).then()
                .statusCode(200).body(containsString(signer)).body(containsString("1 signature matching"))
                .body(containsString("/admin/agreements/individual/signatures/" + id + "/revoke"));
        admin.request().get("/admin/agreements/individual/signatures?q=person%20" + signer).then().statusCode(200)
                .body(containsString(signer));
        admin.request().get("/admin/agreements/individual/signatures/" + id + "/revoke").then().statusCode(200)
                .body(containsString("id=\"consequences\""));
        assertEquals("0", Sql.textUnchecked("SELECT count(*) FROM signature_revocation WHERE signature_id = ?::uuid",
                id), "the first click revokes nothing");
        form(admin).post("/admin/agreements/individual/signatures/" + id + "/revoke").then().statusCode(303);
        assertEquals("1", Sql.textUnchecked("SELECT count(*) FROM signature_revocation WHERE signature_id = ?::uuid",
                id));
        assertEquals("@" + AdminPagesTestSupport.ADMIN_LOGIN, Sql.textUnchecked("SELECT event::jsonb ->> 'revokedBy'"
                + " FROM ledger_entry WHERE kind = 'signature.revoked' AND event::jsonb ->> 'signature' = ?", id));
        admin.request().get("/admin/agreements/individual/signatures?q=" + signer).then().statusCode(200)
                .body(containsString("Revoked <time"));
        admin.request().get("/api/agreements/individual/signatures?format=csv").then().statusCode(200)
                .body(containsString(signer));
    }

    @Test
    void aDeadDeliveryIsSentAgainAfterAConfirmation() throws Exception {
        String id = "admin-dead-" + System.nanoTime();
        Sql.update("INSERT INTO delivery (delivery_id, event, action, repository, payload, received_at, state,"
                + " attempts, next_attempt_at, last_error) VALUES (?, 'ping', NULL, 'acme/widget', '\\x7b7d'::bytea,"
                + " now(), 'DEAD', 3, now(), 'GitHub answered 502 <b>')", id);
        WebClient admin = WebClient.signIn(adminAccount());
        admin.request().get("/admin/deliveries?state=DEAD").then().statusCode(200).body(containsString(id))
                .body(containsString("GitHub answered 502 &lt;b&gt;"));
        admin.request().get("/admin/deliveries/" + id + "/redrive").then().statusCode(200)
                .body(containsString("id=\"confirm\""));
        assertEquals("DEAD", Sql.text("SELECT state FROM delivery WHERE delivery_id = ?", id));
        form(admin).post("/admin/deliveries/" + id + "/redrive").then().statusCode(303);
        assertTrue(!"DEAD".equals(Sql.text("SELECT state FROM delivery WHERE delivery_id = ?", id)));
        assertEquals("0", Sql.text("SELECT count(*) FROM delivery WHERE delivery_id = ? AND attempts = 3", id));
    }

    @Test
    void theLedgerPageVerifiesTheChain() throws Exception {
        WebClient admin = WebClient.signIn(adminAccount());
        admin.request().get("/admin/ledger").then().statusCode(200).body(containsString("id=\"head\""))
                .body(not(containsString("id=\"verification\"")));
        admin.request().get("/admin/ledger/verify").then().statusCode(200)
                .body(containsString("id=\"verification\""));
    }
}
