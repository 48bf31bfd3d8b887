package dev.covenant.relicensing.campaign;

import static dev.covenant.Api.admin;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import io.restassured.response.Response;

import dev.covenant.Sql;
import dev.covenant.api.Sha256;
import dev.covenant.github.FakeEmail;
import dev.covenant.github.FakeGitHub;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.github.FakeRepo;
import dev.covenant.web.WebClient;

/**
 * A repository on the fake GitHub with the App installed, a project (MIT since 2000), and an imported history of six
 * contributors with distinct weights, 20 commits of 10 lines each:
 * <ul>
 * <li>{@code granted}: 1 commit, signed the individual agreement (allows Apache-2.0);</li>
 * <li>{@code yes}: 6 commits, signed in, no agreement; the last is co-authored by {@code nobody};</li>
 * <li>{@code no}: 5 commits from a raw address, {@code no-<run>@elsewhere.example};</li>
 * <li>{@code conditional}: 4 commits, signed in, no agreement;</li>
 * <li>{@code unreachable}: 3 commits from a no-reply address naming a GitHub id nobody signed in with;</li>
 * <li>{@code nobody}: 1 commit of their own and that co-authorship (2 credited) from a raw address.</li>
 * </ul>
 */
public final class CampaignFixture {

    private static final AtomicLong IDS = new AtomicLong(9_300_000 + (System.nanoTime() % 500_000) * 2);
    private static final DateTimeFormatter GIT_DATE = DateTimeFormatter.ofPattern("EEE MMM d HH:mm:ss yyyy Z",
            Locale.ROOT);

    public final long n = IDS.addAndGet(20);
    public final String owner = "camp" + n;
    public final String repo = "widget";
    public final String repository = owner + "/" + repo;
    public final String granted = "granted" + n;
    public final String yes = "yes" + n;
    public final String conditional = "cond" + n;
    final long unreachableId = 70_000_000L + n;
    public final String unreachable = unreachableId + "+far" + n + "@users.noreply.github.com";
    public final String no = "no-" + n + "@elsewhere.example";
    public final String nobody = "nobody-" + n + "@elsewhere.example";
    final FakeRepo fake;
    private int sha;

    public CampaignFixture() throws SQLException {
        FakeGitHub github = FakeGitHubResource.fake();
        github.addInstallation(n, owner);
        fake = github.addRepository(n, repository, n);
        Sql.update("INSERT INTO installation (id, account, created_at) VALUES (?, ?, now())", n, owner);
        Sql.update("INSERT INTO installation_repository (installation_id, repo_id, full_name) VALUES (?, ?, ?)", n, n,
                repository);
        admin().body(Map.of("owner", owner, "repo", repo, "agreement", "individual", "licenses",
                List.of(Map.of("from", "2000-01-01", "spdx", "MIT")))).post("/api/projects").then().statusCode(201);
        for (String login : List.of(granted, yes, conditional)) {
            user(login);
        }
        WebClient signer = WebClient.signIn(granted);
        signer.signIndividual(signer.csrf(), Map.of("name", "Granted", "email", email(granted))).then().statusCode(303);
        WebClient.signIn(yes);
        WebClient.signIn(conditional);
        StringBuilder log = new StringBuilder();
        commits(log, "Granted", email(granted), 1, null);
        commits(log, "Yes", email(yes), 5, null);
        commits(log, "Yes", email(yes), 1, "Nobody <" + nobody + ">");
        commits(log, "No", no, 5, null);
        commits(log, "Cond", email(conditional), 4, null);
        commits(log, "Far", unreachable, 3, null);
        commits(log, "Nobody", nobody, 1, null);
        Response imported = admin().contentType("text/plain").queryParam("wait", true).body(log.toString())
                .post("/api/repos/" + repository + "/history");
        assertEquals(200, imported.statusCode(), imported.asString());
    }

    /** A fake GitHub account with one verified, primary address, {@code login@example.org}. */
    public static String user(String login) {
        FakeGitHubResource.fake().addUser(IDS.incrementAndGet(), login, "Person " + login,
                List.of(FakeEmail.primaryVerified(email(login))));
        return login;
    }

    /** A fresh account with a role on the repository ("maintain", "write", ...), or none with null. */
    public String person(String prefix, String role) {
        String login = user(prefix + IDS.incrementAndGet());
        if (role != null) {
            fake.setPermission(login, role);
        }
        return login;
    }

    public static String email(String login) {
        return login + "@example.org";
    }

    public String path() {
        return "/api/repos/" + repository + "/campaigns";
    }

    private void commits(StringBuilder log, String name, String email, int count, String coAuthor) {
        for (int i = 0; i < count; i++) {
            sha++;
            OffsetDateTime at = OffsetDateTime.of(2020, 1, 1, 12, 0, 0, 0, ZoneOffset.UTC).plusDays(sha);
            log.append("commit ").append(Sha256.hex(n + ":" + sha).substring(0, 40)).append('\n')
                    .append("Author:     ").append(name).append(" <").append(email).append(">\n")
                    .append("AuthorDate: ").append(GIT_DATE.format(at)).append('\n')
                    .append("Commit:     ").append(name).append(" <").append(email).append(">\n")
                    .append("CommitDate: ").append(GIT_DATE.format(at)).append("\n\n")
                    .append("    Change ").append(sha).append('\n');
            if (coAuthor != null) {
                log.append("    \n    Co-authored-by: ").append(coAuthor).append('\n');
            }
            log.append('\n').append("10\t0\tfile").append(sha).append(".txt\n\n");
        }
    }
}
