package dev.covenant.signing;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.covenant.Sql;
import dev.covenant.web.WebClient;

@QuarkusTest
class CustomFieldsTest {

    static final List<Map<String, Object>> FIELDS = List.of(
            Map.of("name", "name", "label", "Full name", "type", "TEXT", "required", true),
            Map.of("name", "email", "label", "E-mail", "type", "VERIFIED_EMAIL", "required", true),
            Map.of("name", "country", "label", "Country of residence", "type", "COUNTRY", "required", true),
            Map.of("name", "employer", "label", "Employer, if any", "type", "TEXT", "required", false),
            Map.of("name", "own_work", "label", "I wrote my contributions myself", "type", "CHECKBOX", "required",
                    true));

    static String publish(List<Map<String, Object>> fields) {
        String slug = "fields-" + UUID.randomUUID().toString().substring(0, 8);
        admin().body(Map.of("slug", slug, "title", "Fields test", "kind", "INDIVIDUAL", "firstVersion",
                Map.of("version", "1.0.0",
                        "text", "Text of " + slug, "fields", fields, "terms",
                        Map.of("grant", "LICENSE", "sublicensable", true,
                                "coversPriorContributions", false, "patentGrant", false, "outboundPolicy", "NONE"))))
                .post("/api/agreements").then().statusCode(201);
        return slug;
    }

    @Test
    void aVersionAsksForTheFieldsItDeclares() throws Exception {
        String slug = publish(FIELDS);
        String login = SigningFlowTest.newUser("fld");
        WebClient client = WebClient.signIn(login);
        client.request().get("/agreements/" + slug).then().statusCode(200)
                .body(containsString("Country of residence")).body(containsString("I wrote my contributions myself"))
                .body(containsString("for=\"f-own_work\""));
        String csrf = client.csrf();
        String sha = Sql.text(
                "SELECT v.sha256 FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id WHERE a.slug = ?",
                slug);
        Response missingBox = client.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf)
                .formParam("version", "1.0.0").formParam("sha256", sha).formParam("name", "Flo")
                .formParam("email", login + "@example.org")
                .formParam("country", "Norway").post("/agreements/" + slug + "/sign");
        assertEquals(400, missingBox.statusCode());
        missingBox.then().body(containsString("id=\"f-own_work-error\"")).body(containsString("value=\"Norway\""));
        Response signed = client.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", csrf)
                .formParam("version", "1.0.0").formParam("sha256", sha).formParam("name", "Flo")
                .formParam("email", login + "@example.org")
                .formParam("country", "Norway").formParam("own_work", "on").post("/agreements/" + slug + "/sign");
        assertEquals(303, signed.statusCode(), signed.asString());
        assertEquals(
                "{\"country\":\"Norway\",\"email\":\"" + login
                        + "@example.org\",\"employer\":\"\",\"name\":\"Flo\",\"own_work\":\"true\"}",
                Sql.text("SELECT fields FROM signature s JOIN person p ON p.github_id = s.github_id WHERE p.login = ?",
                        login));
    }

    @Test
    void badFieldDefinitionsNameTheField() {
        admin().body(Map.of("version", "2.0.0", "text", "t", "fields",
                List.of(Map.of("name", "Bad Name", "label", "x", "type", "TEXT")),
                "terms",
                Map.of("grant", "LICENSE", "sublicensable", true, "coversPriorContributions", false, "patentGrant",
                        false,
                        "outboundPolicy", "NONE")))
                .post("/api/agreements/" + publish(FIELDS) + "/versions").then().statusCode(400)
                .body("field", equalTo("fields[0].name"));
    }
}
