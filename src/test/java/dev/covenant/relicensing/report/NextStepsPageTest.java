package dev.covenant.relicensing.report;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

import dev.covenant.checks.InstalledRepositories;
import dev.covenant.github.FakeRepo;
import dev.covenant.relicensing.history.GitRepo;
import dev.covenant.relicensing.history.HistoryImportTest;
import dev.covenant.web.WebClient;

/**
 * What a maintainer does next, on the relicensing page over HTTP: the files that block (from the newest blame, their
 * blocked lines counted as {@code git blame -w -M} credits them), each blocking person's contact e-mail and whether a
 * campaign reached them; none of it for a contributor reading their own part.
 */
@QuarkusTest
class NextStepsPageTest {

    @Test
    void theMaintainerSeesTheBlockingFilesAndWhomToAsk() throws IOException {
        FakeRepo repo = InstalledRepositories.installed("\"licenses\":[{\"from\":\"2000-01-01\",\"spdx\":\"MIT\"}]");
        String name = repo.fullName().toLowerCase();
        String maintainer = InstalledRepositories.user("maint");
        repo.setPermission(maintainer, "maintain");
        String writer = InstalledRepositories.user("writer");
        WebClient.signIn(writer); // Covenant learns the writer's verified primary address
        String signer = InstalledRepositories.user("signer");
        WebClient signs = WebClient.signIn(signer);
        signs.signIndividual(signs.csrf(), Map.of("name", "Signer", "email", signer + "@example.org")).then()
                .statusCode(303);
        String stranger = "stranger@" + name.replace('/', '-') + ".example";

        GitRepo git = new GitRepo();
        git.write("a.txt", "one\ntwo\n");
        git.commit("Writer", writer + "@example.org", "a");
        git.write("b.txt", "three\nfour\nfive\n");
        git.commit("Stranger", stranger, "b");
        git.write("a.txt", "one\ntwo\nsix\n");
        git.write("c.txt", "seven\n");
        git.commit("Signer", signer + "@example.org", "c");
        admin().contentType("text/plain").queryParam("wait", true)
                .body(git.git(HistoryImportTest.LOG_COMMAND.split(" ")).getBytes(StandardCharsets.UTF_8))
                .post("/api/repos/" + name + "/history").then().statusCode(200).body("state", equalTo("DONE"));

        WebClient maintaining = WebClient.signIn(maintainer);
        String page = "/repos/" + name + "/relicensing?to=Apache-2.0";
        String before = maintaining.request().get(page).then().statusCode(200).extract().asString();
        assertTrue(before.contains("id=\"no-blame\""), before);

        admin().queryParam("wait", true).body(Map.of("cloneUrl", git.dir.toUri().toString()))
                .post("/api/repos/" + name + "/relicensing/blame").then().statusCode(200)
                .body("state", equalTo("DONE"));
        long campaign = admin().body(Map.of("to", "Apache-2.0")).post("/api/repos/" + name + "/campaigns").then()
                .statusCode(201).extract().jsonPath().getLong("id");
        admin().body(Map.of("contributor", stranger, "answer", "NO", "note", "keeps MIT"))
                .post("/api/repos/" + name + "/campaigns/" + campaign + "/answers").then().statusCode(201);

        String body = maintaining.request().get(page).then().statusCode(200).extract().asString();
        List<String> files = rows(body, "blocking-files");
        assertEquals(2, files.size(), body);
        assertTrue(files.get(0).contains("<td class=\"path\">b.txt</td><td class=\"num\">"
                + blamedBy(git, "b.txt", stranger) + "</td><td>" + stranger + "</td>"), files.get(0));
        assertTrue(files.get(1).contains("<td class=\"path\">a.txt</td><td class=\"num\">"
                + blamedBy(git, "a.txt", writer + "@example.org") + "</td><td>" + writer + "</td>"), files.get(1));
        assertFalse(body.contains("<td class=\"path\">c.txt</td>"), "the signer's file is cleared");

        String writerRow = row(body, writer + "@example.org");
        assertTrue(writerRow.contains("<td class=\"contact\">" + writer + "@example.org</td>"
                + "<td class=\"campaign\">not yet</td>"), writerRow);
        String strangerRow = row(body, stranger);
        assertTrue(strangerRow.contains("DECLINED") && strangerRow.contains("<td class=\"contact\">" + stranger
                + "</td><td class=\"campaign\">answered</td>"), strangerRow);
        assertTrue(row(body, signer).contains("<td class=\"contact\"></td><td class=\"campaign\"></td>"),
                "nobody to ask when cleared");

        String own = WebClient.signIn(writer).request().get(page).then().statusCode(200).extract().asString();
        assertFalse(own.contains("blocking-files") || own.contains("class=\"contact\""), own);
    }

    /** The lines of {@code path} git blame -w -M credits to {@code email}. */
    private static long blamedBy(GitRepo git, String path, String email) {
        return git.git("blame", "-w", "-M", "--line-porcelain", "HEAD", "--", path).lines()
                .filter(l -> l.equals("author-mail <" + email + ">")).count();
    }

    private static List<String> rows(String body, String table) {
        int start = body.indexOf("<table id=\"" + table + "\">");
        assertTrue(start >= 0, "no table " + table + " in " + body);
        String tbody = body.substring(body.indexOf("<tbody>", start), body.indexOf("</tbody>", start));
        return Pattern.compile("<tr[ >].*?</tr>", Pattern.DOTALL).matcher(tbody).results().map(r -> r.group())
                .toList();
    }

    private static String row(String body, String containing) {
        return rows(body, "contributors").stream().filter(r -> r.contains(containing)).findFirst()
                .orElseThrow(() -> new AssertionError("no row with " + containing + " in " + body));
    }
}
