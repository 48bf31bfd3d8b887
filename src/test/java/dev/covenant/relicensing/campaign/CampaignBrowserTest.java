package dev.covenant.relicensing.campaign;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import dev.covenant.Sql;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.web.Browser;

/**
 * In a real headless Chromium: a maintainer opens a campaign from the relicensing page; a contributor signs in from
 * their consent page, sees their commits and answers yes on conditions; the maintainer's dashboard then shows the
 * answer and draws the chart.
 */
@QuarkusTest
class CampaignBrowserTest {

    @Test
    void aMaintainerOpensACampaignAContributorAnswersAndTheDashboardShowsIt() throws Exception {
        CampaignFixture f = new CampaignFixture();
        String maintainer = f.person("maint", "maintain");
        long id;

        try (Browser browser = start()) {
            browser.open(FakeGitHubResource.fake().signInUrl(maintainer));
            browser.waitForText(By.tagName("body"), "Signed in to the fake GitHub as " + maintainer);
            browser.open(FakeGitHubResource.serviceUrl() + "/repos/" + f.repository + "/relicensing?to=Apache-2.0");
            browser.waitFor(By.linkText("Sign in with GitHub to see the report")).click();
            browser.waitFor(By.id("open-campaign-form")).findElement(By.tagName("button")).click();
            String dashboards = "/repos/" + f.repository + "/campaigns/";
            browser.wait.until(d -> browser.path().matches(java.util.regex.Pattern.quote(dashboards) + "\\d+"));
            id = Long.parseLong(browser.path().substring(dashboards.length()));
            WebElement chart = browser.waitFor(By.cssSelector("svg.progress-chart"));
            assertTrue(chart.findElements(By.cssSelector("g.bar rect.refused")).isEmpty()
                    && chart.findElements(By.cssSelector("g.bar rect.consented")).isEmpty(), "no answers yet");
        }
        assertEquals("OPEN Apache-2.0 @" + maintainer, Sql.text("SELECT state || ' ' || to_license || ' ' || opened_by"
                + " FROM consent_campaign WHERE id = ?", id));

        try (Browser browser = start()) {
            browser.open(FakeGitHubResource.fake().signInUrl(f.conditional));
            browser.waitForText(By.tagName("body"), "Signed in to the fake GitHub as " + f.conditional);
            browser.open(FakeGitHubResource.serviceUrl() + "/consent/" + id);
            browser.waitFor(By.linkText("Sign in with GitHub to answer")).click();
            browser.waitForPath("/consent/" + id);
            browser.waitFor(By.id("commits"));
            assertEquals("4 commits, from 14 January 2020, 12:00 UTC to 17 January 2020, 12:00 UTC.",
                    browser.driver.findElement(By.id("commit-count")).getText().strip());
            List<WebElement> rows = browser.driver.findElements(By.cssSelector("#commits tbody tr"));
            assertEquals(4, rows.size());
            assertEquals("2020-01-17T12:00:00Z",
                    rows.get(0).findElement(By.xpath("td[2]/time")).getDomAttribute("datetime"),
                    "newest first");

            browser.driver.findElement(By.id("answer-conditional")).click();
            browser.driver.findElement(By.id("note")).sendKeys("Only if the manual stays CC-BY-4.0");
            browser.driver.findElement(By.xpath("//button[normalize-space()='Record my answer']")).click();
            browser.waitFor(By.id("recorded"));
            assertEquals("/consent/" + id, browser.path());
            String recorded = browser.driver.findElement(By.id("recorded")).getText();
            assertTrue(recorded.contains("CONDITIONAL") && recorded.contains("Only if the manual stays CC-BY-4.0"),
                    recorded);
            assertEquals("Change your answer", browser.driver.findElement(By.xpath("//main/h2[last()]")).getText());
            browser.screenshot(Path.of("target", "screenshots", "consent-page.png"));
        }
        assertEquals("CONDITIONAL", Sql.text("SELECT answer FROM consent k JOIN person p ON p.github_id = k.github_id"
                + " WHERE k.campaign_id = ? AND p.login = ?", id, f.conditional));

        try (Browser browser = start()) {
            browser.open(FakeGitHubResource.fake().signInUrl(maintainer));
            browser.waitForText(By.tagName("body"), "Signed in to the fake GitHub as " + maintainer);
            String dashboard = "/repos/" + f.repository + "/campaigns/" + id;
            browser.open(FakeGitHubResource.serviceUrl() + dashboard);
            browser.waitFor(By.cssSelector("main a[href='/login?next=" + dashboard + "']")).click();
            browser.waitForPath(dashboard);
            WebElement chart = browser.waitFor(By.cssSelector("svg.progress-chart"));
            assertEquals(3, chart.findElements(By.cssSelector("g.bar")).size(), "people, commits, lines");
            WebElement people = chart.findElement(By.cssSelector("g.bar[data-measure='people']"));
            assertEquals("1", people.findElement(By.cssSelector("rect.agreement")).getDomAttribute("data-value"));
            assertEquals("1", people.findElement(By.cssSelector("rect.refused")).getDomAttribute("data-value"),
                    "the conditional yes");
            assertEquals(0, people.findElements(By.cssSelector("rect.consented")).size(), "nobody consented yet");
            WebElement row = browser.driver.findElement(By.cssSelector("tr[data-contributor='" + f.conditional + "']"));
            assertTrue(row.findElement(By.cssSelector(".status")).getText().contains("CONDITIONAL"), row.getText());
            assertTrue(row.getText().contains("Only if the manual stays CC-BY-4.0"), row.getText());
            assertThat(row.findElement(By.cssSelector(".contact")).getText(),
                    containsString(CampaignFixture.email(f.conditional)));

            browser.driver.findElement(By.id("contributor")).sendKeys(f.yes);
            new org.openqa.selenium.support.ui.Select(browser.driver.findElement(By.id("answer"))).selectByValue("YES");
            browser.driver.findElement(By.id("evidenceUrl")).sendKeys("https://lists.example.org/yes");
            browser.driver.findElement(By.xpath("//button[normalize-space()='Record']")).click();
            browser.wait.until(d -> !d.findElements(By.cssSelector("svg.progress-chart g.bar[data-measure='people']"
                    + " rect.consented")).isEmpty());
            assertEquals(dashboard, browser.path());
            assertTrue(browser.driver.findElement(By.id("totals")).getText().startsWith("Cleared: 2 of 6 people"),
                    browser.driver.findElement(By.id("totals")).getText());
            browser.screenshot(Path.of("target", "screenshots", "campaign-dashboard.png"));
        }
    }

    private static Browser start() {
        Browser browser = Browser.start();
        browser.driver.manage().window().setSize(new Dimension(1280, 1600));
        return browser;
    }
}
