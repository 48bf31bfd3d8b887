package dev.covenant.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

import dev.covenant.Sql;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.web.Browser;
import dev.covenant.web.PageAudit;

/**
 * The demo loop in a real Chromium, as the README's quick start tells it: sign in as alice, open a pull request,
 * see it fail, sign the agreement, come back and see it pass without reloading, then the relicensing report.
 */
@QuarkusTest
@TestProfile(DemoProfile.class)
class DemoBrowserTest {

    private Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.start();
        browser.driver.manage().window().setSize(new Dimension(1280, 1600));
    }

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void signInOpenAPullRequestSeeItFailSignSeeItPassThenTheRelicensingReport() throws Exception {
        String base = FakeGitHubResource.serviceUrl();
        // The demo people are shared by the tests of this profile; alice signs here only.
        assertEquals("0", Sql.text("SELECT count(*)::text FROM signature WHERE github_id = ?",
                DemoPeople.idOf("alice")));

        browser.open(base + "/login?next=/me");
        browser.waitForText(By.tagName("h1"), "Sign in to the demo");
        assertTrue(browser.path().startsWith("/demo/login"), browser.path());
        browser.driver.findElement(By.id("login")).sendKeys("alice--x");
        browser.driver.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
        browser.waitForText(By.id("login-error"), "A user name cannot have two hyphens in a row.");
        WebElement login = browser.driver.findElement(By.id("login"));
        login.clear();
        login.sendKeys("alice");
        browser.driver.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
        browser.waitForPath("/me");
        browser.waitForText(By.cssSelector("header nav a"), "alice");
        assertTrue(browser.driver.findElement(By.cssSelector(".demo-banner")).getText().startsWith("Demo"));

        browser.open(base + "/demo/pull-requests");
        assertEquals("alice", browser.driver.findElement(By.id("author")).getDomProperty("value"));
        browser.driver.findElement(By.xpath("//button[normalize-space()='Open a pull request']")).click();
        browser.wait.until(d -> browser.path().matches("/demo/pull-requests/\\d+"));
        String pullRequest = browser.path();
        WebDriverWait slow = new WebDriverWait(browser.driver, Duration.ofSeconds(30));
        // The page replaces the check as it changes: an element found may be gone when read.
        slow.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
        String failed = slow.until(d -> d.findElements(By.id("check-conclusion")).stream().findFirst()
                .map(e -> e.getText().strip()).orElse(null));
        assertNotEquals("success", failed, "alice has not signed yet");
        assertTrue(browser.driver.findElement(By.id("check")).getText().contains("alice"));
        // The summary's table of contributors is a table, as GitHub shows it.
        assertFalse(browser.driver.findElements(By.cssSelector("#check table")).isEmpty(), "the summary's table");
        browser.screenshot(Path.of("target", "screenshots", "demo-pull-request-failed.png"));

        // Sign in another tab; the pull request's tab is left as it is.
        String pullRequestTab = browser.driver.getWindowHandle();
        browser.driver.switchTo().newWindow(WindowType.TAB);
        browser.open(base + "/agreements/individual");
        WebElement sign = browser.waitFor(
                By.xpath("//button[@type='submit' and starts-with(normalize-space(), 'I agree and sign version')]"));
        WebElement name = browser.driver.findElement(By.id("f-name"));
        name.clear();
        name.sendKeys("Alice Example");
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", sign);
        sign.click();
        browser.waitForText(By.tagName("h1"), "Signature receipt");

        // Back on the pull request's tab, the page turns green by itself: the test never reloads it.
        browser.driver.switchTo().window(pullRequestTab);
        assertEquals(pullRequest, browser.path());
        slow.until(d -> d.findElements(By.id("check-conclusion")).stream()
                .anyMatch(e -> "success".equals(e.getText().strip())));
        browser.screenshot(Path.of("target", "screenshots", "demo-pull-request-passed.png"));

        browser.open(base + "/repos/demo/widget/relicensing?to=GPL-3.0-or-later");
        WebElement commits = new WebDriverWait(browser.driver, Duration.ofSeconds(60)).until(d -> {
            d.navigate().refresh();
            return d.findElements(By.id("totals-commits")).stream().findFirst().orElse(null);
        });
        assertTrue(commits.getText().contains("of 3000"), commits.getText());
        String contributors = browser.driver.findElement(By.id("contributors")).getText();
        assertTrue(contributors.contains("Alice Example") && contributors.contains("Carol Coder"), contributors);
        browser.screenshot(Path.of("target", "screenshots", "demo-relicensing.png"));
    }

    /** The demo's own pages, signed out and in, pass axe-core and fit a phone, as every other page does. */
    @Test
    void theDemoPagesAreAccessibleAndFitAPhone() {
        List<String> problems = new ArrayList<>(PageAudit.audit(browser,
                new PageAudit.Page("demo sign-in", "/demo/login?next=/me", null, "Sign in to the demo")));
        browser.driver.manage().window().setSize(PageAudit.DESKTOP);
        browser.open(FakeGitHubResource.serviceUrl() + "/login?next=/me");
        browser.waitFor(By.id("login")).sendKeys("dora");
        browser.driver.findElement(By.xpath("//button[normalize-space()='Sign in']")).click();
        browser.waitForPath("/me");
        browser.open(FakeGitHubResource.serviceUrl() + "/demo/pull-requests");
        browser.driver.findElement(By.xpath("//button[normalize-space()='Open a pull request']")).click();
        browser.wait.until(d -> browser.path().matches("/demo/pull-requests/\\d+"));
        String pullRequest = browser.path();
        problems.addAll(PageAudit.audit(browser,
                new PageAudit.Page("demo pull requests", "/demo/pull-requests", "dora", "Demo pull requests")));
        problems.addAll(PageAudit.audit(browser,
                new PageAudit.Page("demo pull request", pullRequest, "dora", "Demo pull request #")));
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }
}
