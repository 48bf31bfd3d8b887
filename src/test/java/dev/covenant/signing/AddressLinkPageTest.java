package dev.covenant.signing;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.io.IOException;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.Test;

import dev.covenant.checks.InstalledRepositories;
import dev.covenant.github.FakeRepo;
import dev.covenant.relicensing.history.GitRepo;
import dev.covenant.web.Csrf;
import dev.covenant.web.WebClient;

/**
 * The relicensing page's address links through HTTP, as a maintainer uses them: the form (with the session's CSRF
 * token) links a Subversion-style address of a real git history to a person, the report then counts its commits as
 * theirs, and the remove button ends the link; refused input comes back on the page naming the field, and someone
 * who only writes to the repository is refused.
 */
@QuarkusTest
class AddressLinkPageTest {

    @Test
    void aMaintainerLinksAndUnlinksAnAddressFromThePage() throws IOException {
        FakeRepo repo = InstalledRepositories.installed("\"licenses\":[{\"from\":\"2000-01-01\",\"spdx\":\"MIT\"}]");
        String name = repo.fullName().toLowerCase();
        String maintainer = InstalledRepositories.user("maint");
        String writer = InstalledRepositories.user("writer");
        repo.setPermission(maintainer, "maintain");
        repo.setPermission(writer, "write");
        WebClient.signIn(writer);
        String svn = "writer@" + UUID.randomUUID();
        GitRepo git = new GitRepo();
        git.write("a.c", "int a;\n");
        git.commit("writer", svn, "r1");
        admin().queryParam("wait", true).body(Map.of("cloneUrl", git.dir.toUri().toString()))
                .post("/api/repos/" + name + "/history").then().statusCode(200).body("state", equalTo("DONE"));
        String page = "/repos/" + name + "/relicensing/links";

        WebClient.signIn(writer).request().get(page).then().statusCode(403);
        WebClient client = WebClient.signIn(maintainer);
        String csrf = client.csrf();
        client.request().get("/repos/" + name + "/relicensing").then().statusCode(200).body(containsString(page));
        client.request().get(page).then().statusCode(200).body(containsString("id=\"no-links\""));
        client.request().contentType("application/x-www-form-urlencoded").formParam("email", svn)
                .formParam("login", writer).formParam("reason", "r").post(page).then().statusCode(403);
        client.request().contentType("application/x-www-form-urlencoded").formParam(Csrf.FIELD, csrf)
                .formParam("email", svn).formParam("login", writer).post(page).then().statusCode(400)
                .body(containsString("<a href=\"#link-reason\">Reason is required"))
                .body(containsString("id=\"link-reason-error\">Reason is required"));

        Response linked = client.request().contentType("application/x-www-form-urlencoded")
                .formParam(Csrf.FIELD, csrf).formParam("email", svn).formParam("login", writer)
                .formParam("reason", "<b>svn authors file</b>").post(page);
        linked.then().statusCode(303);
        client.request().get(page).then().statusCode(200).body(containsString(svn))
                .body(containsString("@" + writer)).body(containsString("&lt;b&gt;svn authors file&lt;/b&gt;"))
                .body(not(containsString("<b>svn")));
        admin().queryParam("to", "Apache-2.0").get("/api/repos/" + name + "/relicensing").then().statusCode(200)
                .body("contributors[0].login", equalTo(writer)).body("contributors[0].emails", hasItem(svn))
                .body("contributors[0].identifiedBy", equalTo("LINKED"));

        // Ending a link asks first: the first click, and a link to it, change nothing.
        String remove = page + "/remove?email=" + java.net.URLEncoder.encode(svn,
                java.nio.charset.StandardCharsets.UTF_8);
        client.request().get(page).then().body(containsString("href=\"" + remove.replace("&", "&amp;") + "\""));
        client.request().urlEncodingEnabled(false).get(remove).then().statusCode(200)
                .body(containsString("End the link of " + svn)).body(containsString("id=\"confirm\""))
                .body(containsString("id=\"consequences\""));
        client.request().get(page).then().statusCode(200).body(not(containsString("id=\"no-links\"")));
        client.request().urlEncodingEnabled(false).get(page + "/remove?email=nobody%40example.org").then()
                .statusCode(404);
        client.request().contentType("application/x-www-form-urlencoded").formParam(Csrf.FIELD, csrf)
                .formParam("email", svn).post(page + "/remove").then().statusCode(303);
        client.request().get(page).then().statusCode(200).body(containsString("id=\"no-links\""));
        admin().queryParam("to", "Apache-2.0").get("/api/repos/" + name + "/relicensing").then().statusCode(200)
                .body("contributors[0].contributor", equalTo(svn));
    }
}
