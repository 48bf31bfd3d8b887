package dev.covenant.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import dev.covenant.Sql;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.relicensing.campaign.CampaignFixture;
import dev.covenant.web.PageAudit.Page;

/**
 * Walks every page of the service in a real headless Chromium, signed out and signed in as the people who see them,
 * and audits each at a desktop width and at a phone's 390 px: axe-core's WCAG 2.1 AA rules ({@link PageAudit}) and
 * no sideways scrolling. Every problem of every page is reported at once. A new page joins the walk with one more
 * {@link PageAudit.Page} in {@link #pages}.
 */
@QuarkusTest
class EveryPageBrowserTest {

    @Test
    void everyPagePassesAxeCoreAndFitsAPhone() throws Exception {
        List<Page> pages = pages();
        Map<String, List<Page>> byPerson = new LinkedHashMap<>();
        pages.forEach(p -> byPerson.computeIfAbsent(Objects.toString(p.login(), ""), k -> new ArrayList<>()).add(p));
        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, List<Page>> person : byPerson.entrySet()) {
            try (Browser browser = Browser.start()) {
                if (!person.getKey().isEmpty()) {
                    signIn(browser, person.getKey());
                }
                for (Page page : person.getValue()) {
                    problems.addAll(PageAudit.audit(browser, page));
                }
            }
        }
        assertTrue(problems.isEmpty(), problems.size() + " problems on " + pages.size() + " pages:\n  "
                + String.join("\n  ", problems));
    }

    /** Every page, with the rows that make each show what it shows. */
    static List<Page> pages() throws Exception {
        CampaignFixture f = new CampaignFixture();
        String maintainer = f.person("walk", "maintain");
        WebClient client = WebClient.signIn(maintainer);
        String receipt = client
                .signIndividual(client.csrf(), Map.of("name", "Walk " + maintainer, "email",
                        CampaignFixture.email(maintainer)))
                .then().statusCode(303).extract().header("Location");
        String signature = receipt.substring(receipt.lastIndexOf('/') + 1);
        String corporate = client.signCorporate("Acme Walk " + f.n);
        client.approve(corporate, "DOMAIN", "walk-" + f.n + ".example").then().statusCode(303);
        String approval = Sql.text("SELECT id FROM approval WHERE corporate_id = ?::uuid", corporate);
        long campaign = client.request().contentType(ContentType.JSON).header("X-CSRF-Token", client.csrf())
                .body(Map.of("to", "Apache-2.0")).post(f.path()).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        String repo = "/repos/" + f.repository;
        String svn = "walk-" + f.n + "@svn.example";
        client.request().contentType(ContentType.URLENC).formParam("_csrf", client.csrf()).formParam("email", svn)
                .formParam("login", f.yes).formParam("reason", "The svn authors file").post(repo
                        + "/relicensing/links")
                .then().statusCode(303);
        String individual = "Covenant Individual Contributor License Agreement";
        String company = "Covenant Corporate Contributor License Agreement";
        return List.of(
                new Page("home", "/", null, "Agreements"),
                new Page("agreement", "/agreements/individual", null, individual),
                new Page("agreement version", "/agreements/individual/1.0.0", null, individual + ", version 1.0.0"),
                new Page("corporate agreement", "/corporate/corporate", null, company),
                new Page("sign-in needed", "/signatures/" + signature, null, "Please sign in"),
                new Page("relicensing signed out", repo + "/relicensing", null, "Relicensing " + f.repository),
                new Page("consent signed out", "/consent/" + campaign, null, "Your consent"),
                new Page("not found", "/agreements/no-such-agreement", null, ""),
                new Page("home signed in", "/", maintainer, "Agreements"),
                new Page("signing form", "/agreements/individual", maintainer, individual),
                new Page("me", "/me", maintainer, maintainer),
                new Page("receipt", "/signatures/" + signature, maintainer, "Signature receipt"),
                new Page("revoke", "/signatures/" + signature + "/revoke", maintainer, "Revoke your signature"),
                new Page("addresses", "/me/addresses", maintainer, "Your commit addresses"),
                new Page("corporate form", "/corporate/corporate", maintainer, company),
                new Page("corporate manage", "/corporate/agreements/" + corporate, maintainer, "Acme Walk"),
                new Page("remove approval", "/corporate/agreements/" + corporate + "/approvals/" + approval
                        + "/remove", maintainer, "Remove this line"),
                new Page("relicensing", repo + "/relicensing", maintainer, "Relicensing " + f.repository),
                new Page("relicensing report", repo + "/relicensing?to=Apache-2.0", maintainer,
                        "Relicensing " + f.repository),
                new Page("relicensing report refused", repo + "/relicensing?to=Apache-2&trivialLines=lots",
                        maintainer, "Relicensing " + f.repository),
                new Page("address links", repo + "/relicensing/links", maintainer, "Address links of"),
                new Page("end address link", repo + "/relicensing/links/remove?email=" + svn.replace("@", "%40"),
                        maintainer, "End the link of " + svn),
                new Page("campaign dashboard", repo + "/campaigns/" + campaign, maintainer, "Relicensing "),
                new Page("close campaign", repo + "/campaigns/" + campaign + "/close", maintainer,
                        "Close the campaign"),
                new Page("consent", "/consent/" + campaign, f.conditional, "Relicensing " + f.repository));
    }

    /** Signs the browser in through the fake GitHub's OAuth pages. */
    static void signIn(Browser browser, String login) {
        browser.open(FakeGitHubResource.fake().signInUrl(login));
        browser.waitForText(By.tagName("body"), "Signed in to the fake GitHub as " + login);
        browser.open(FakeGitHubResource.serviceUrl() + "/login?next=/me");
        browser.waitForPath("/me");
        browser.waitForText(By.cssSelector("header nav a[href='/me']"), login);
    }
}
