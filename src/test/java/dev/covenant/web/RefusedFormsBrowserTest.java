package dev.covenant.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import dev.covenant.github.FakeGitHubResource;
import dev.covenant.relicensing.campaign.CampaignFixture;

/**
 * The forms of people and maintainers, refused, in a real Chromium: each says what is wrong at its top in words (no
 * field id, status code or exception), and the page it answers with passes axe-core and fits a phone
 * ({@link PageAudit#auditShown}). The administration pages' refused forms: {@code AdminBrowserTest}.
 */
@QuarkusTest
class RefusedFormsBrowserTest {

    private static final String NOT_IN_WORDS = "(?s).*\\b(4\\d\\d|Exception|githubId|contactEmail|evidenceUrl"
            + "|validFrom|validUntil|GITHUB_USER|CONDITIONAL)\\b.*";

    @Test
    void everyRefusedFormSaysWhatIsWrongInWordsAndStaysAccessible() throws Exception {
        CampaignFixture f = new CampaignFixture();
        String maintainer = f.person("refused", "maintain");
        WebClient client = WebClient.signIn(maintainer);
        String corporate = client.signCorporate("Refused Co " + f.n);
        long campaign = client.request().contentType(ContentType.JSON).header("X-CSRF-Token", client.csrf())
                .body(Map.of("to", "Apache-2.0")).post(f.path()).then().statusCode(201).extract().jsonPath()
                .getLong("id");
        String repo = "/repos/" + f.repository;
        List<String> problems = new ArrayList<>();
        try (Browser browser = Browser.start()) {
            EveryPageBrowserTest.signIn(browser, maintainer);
            problems.addAll(refused(browser, "/corporate/agreements/" + corporate, "//button[normalize-space()='Add']",
                    "approval list refused"));
            // A field the browser itself requires is filled, wrongly, so that the service answers.
            open(browser, "/me/addresses");
            browser.waitFor(By.id("claim-email")).sendKeys("not an address");
            problems.addAll(refused(browser, null, "//button[normalize-space()='Mail me a code']",
                    "address claim refused"));
            problems.addAll(refused(browser, repo + "/relicensing/links", "//button[normalize-space()='Link']",
                    "address link refused"));
            open(browser, repo + "/campaigns/" + campaign);
            browser.waitFor(By.id("contributor")).sendKeys(f.no);
            problems.addAll(refused(browser, null, "//button[normalize-space()='Record']",
                    "dashboard answer refused"));
        }
        try (Browser browser = Browser.start()) {
            EveryPageBrowserTest.signIn(browser, f.conditional);
            browser.open(FakeGitHubResource.serviceUrl() + "/consent/" + campaign);
            browser.waitFor(By.id("answer-conditional")).click();
            problems.addAll(refused(browser, null, "//button[normalize-space()='Record my answer']",
                    "consent answer refused"));
        }
        assertEquals(List.of(), problems, "axe-core's WCAG 2.1 AA rules and the 390 px width");
    }

    private static void open(Browser browser, String path) {
        browser.driver.manage().window().setSize(PageAudit.DESKTOP);
        browser.open(FakeGitHubResource.serviceUrl() + path);
    }

    /** Opens {@code path} (unless null: the page shown), sends its form as it is, and audits the refusal. */
    private static List<String> refused(Browser browser, String path, String button, String name) {
        browser.driver.manage().window().setSize(PageAudit.DESKTOP);
        if (path != null) {
            open(browser, path);
        }
        WebElement send = browser.waitFor(By.xpath(button));
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", send);
        send.click();
        WebElement summary = browser.waitFor(By.id("error-summary"));
        String said = summary.getText();
        assertFalse(said.matches(NOT_IN_WORDS), name + " says it in words: " + said);
        assertFalse(summary.findElements(By.cssSelector("li a")).isEmpty(), name + " links to its fields: " + said);
        for (WebElement link : summary.findElements(By.cssSelector("li a"))) {
            String target = link.getDomAttribute("href").substring(1);
            assertFalse(browser.driver.findElements(By.id(target)).isEmpty(), name + ": no field #" + target);
        }
        return PageAudit.auditShown(browser, name);
    }
}
