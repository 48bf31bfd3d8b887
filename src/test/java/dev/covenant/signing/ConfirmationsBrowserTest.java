package dev.covenant.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;

import dev.covenant.Sql;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.relicensing.campaign.CampaignFixture;
import dev.covenant.web.Browser;
import dev.covenant.web.WebClient;

/**
 * The destructive clicks of the pages a person and a maintainer use, in a real Chromium with its JavaScript off:
 * each first click only asks, "keep it" changes nothing, and the confirmation does it. Taking a line off a company's
 * approval list, ending an address link, and closing a consent campaign. (Revoking a signature: {@code SigningBrowserTest} and
 * {@code AdminBrowserTest}, which also sends a delivery again.)
 */
@QuarkusTest
class ConfirmationsBrowserTest {

    @Test
    void removingAnApprovalEndingALinkAndClosingACampaignAskFirstAndWorkWithoutJavaScript() throws Exception {
        CampaignFixture f = new CampaignFixture();
        String person = f.person("confirm", "maintain");
        WebClient client = WebClient.signIn(person);
        String corporate = client.signCorporate("Confirm Co " + f.n);
        String domain = "confirm-" + f.n + ".example";
        client.approve(corporate, "DOMAIN", domain).then().statusCode(303);
        long campaign = client.request().contentType(ContentType.JSON).header("X-CSRF-Token", client.csrf())
                .body(Map.of("to", "Apache-2.0")).post(f.path()).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        String svn = "old-" + f.n + "@svn.example";
        String links = "/repos/" + f.repository + "/relicensing/links";
        client.request().contentType("application/x-www-form-urlencoded").formParam("_csrf", client.csrf())
                .formParam("email", svn).formParam("login", f.yes).formParam("reason", "The svn authors file")
                .post(links).then().statusCode(303);

        try (Browser browser = Browser.start(false)) {
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.open(FakeGitHubResource.fake().signInUrl(person));
            browser.waitForText(By.tagName("body"), "Signed in to the fake GitHub as " + person);
            browser.open(FakeGitHubResource.serviceUrl() + "/login?next=/corporate/agreements/" + corporate);
            browser.waitForPath("/corporate/agreements/" + corporate);

            browser.driver.findElement(By.cssSelector("a[aria-label='Remove E-mail domain " + domain + "']")).click();
            browser.waitForText(By.tagName("h1"), "Remove this line from Confirm Co " + f.n);
            assertTrue(browser.driver.findElement(By.id("consequences")).getText().contains("no longer covered"));
            assertEquals("1", active(corporate), "the first click removes nothing");
            browser.driver.findElement(By.linkText("Keep it")).click();
            browser.waitForPath("/corporate/agreements/" + corporate);
            assertEquals("1", active(corporate), "keeping it removes nothing");
            browser.driver.findElement(By.cssSelector("a[aria-label='Remove E-mail domain " + domain + "']")).click();
            browser.driver.findElement(By.xpath("//button[normalize-space()='Remove it']")).click();
            browser.waitForPath("/corporate/agreements/" + corporate);
            assertEquals("0", active(corporate));
            assertTrue(
                    browser.driver.findElements(By.cssSelector("a[aria-label='Remove E-mail domain " + domain + "']"))
                            .isEmpty());

            browser.open(FakeGitHubResource.serviceUrl() + links);
            browser.driver.findElement(By.cssSelector("a[aria-label='Remove the link of " + svn + "']")).click();
            browser.waitForText(By.tagName("h1"), "End the link of " + svn);
            assertEquals("1", linked(svn), "the first click ends nothing");
            browser.driver.findElement(By.linkText("Keep it")).click();
            browser.waitForPath(links);
            assertEquals("1", linked(svn), "keeping it ends nothing");
            browser.driver.findElement(By.cssSelector("a[aria-label='Remove the link of " + svn + "']")).click();
            browser.driver.findElement(By.xpath("//button[normalize-space()='End the link']")).click();
            browser.waitFor(By.id("no-links"));
            assertEquals("0", linked(svn));

            String dashboard = "/repos/" + f.repository + "/campaigns/" + campaign;
            browser.open(FakeGitHubResource.serviceUrl() + dashboard);
            browser.driver.findElement(By.id("close")).click();
            browser.waitForText(By.tagName("h1"), "Close the campaign to relicense " + f.repository);
            assertEquals("OPEN", state(campaign), "the first click closes nothing");
            browser.driver.findElement(By.linkText("Keep it open")).click();
            browser.waitForPath(dashboard);
            assertEquals("OPEN", state(campaign), "keeping it open closes nothing");
            browser.driver.findElement(By.id("close")).click();
            browser.driver.findElement(By.xpath("//button[normalize-space()='Close campaign " + campaign + "']"))
                    .click();
            browser.waitForText(By.id("state"), "Closed");
            assertEquals("CLOSED", state(campaign));
            assertFalse(browser.alertPresent(), "no dialog: the page asked");
        }
    }

    private static String active(String corporate) {
        return Sql.textUnchecked("SELECT count(*) FROM approval a WHERE a.corporate_id = ?::uuid AND NOT EXISTS"
                + " (SELECT 1 FROM approval_removal r WHERE r.approval_id = a.id)", corporate);
    }

    private static String linked(String email) {
        return Sql.textUnchecked("SELECT count(*) FROM address_link WHERE email = ? AND removed_at IS NULL", email);
    }

    private static String state(long campaign) {
        return Sql.textUnchecked("SELECT state FROM consent_campaign WHERE id = ?", campaign);
    }
}
