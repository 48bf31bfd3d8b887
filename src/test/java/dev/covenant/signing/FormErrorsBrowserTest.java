package dev.covenant.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.WebElement;

import dev.covenant.Sql;
import dev.covenant.github.FakeEmail;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.web.Browser;
import dev.covenant.web.PageAudit;
import dev.covenant.web.WebSessions;

/**
 * A refused signing form in a real Chromium, on a phone: the errors are summarised at the top in words, with links to
 * their fields, and focus moves there; each field says its own beside it; the page stays accessible.
 */
@QuarkusTest
class FormErrorsBrowserTest {

    private static final java.util.concurrent.atomic.AtomicLong IDS = new java.util.concurrent.atomic.AtomicLong(
            System.nanoTime() % 400_000);

    @Test
    void aRefusedFormSummarisesItsErrorsInWordsAndTakesTheFocusThere() {
        String login = user("err");
        try (Browser browser = Browser.start()) {
            browser.driver.manage().window().setSize(new Dimension(390, 844));
            browser.open(FakeGitHubResource.fake().signInUrl(login));
            browser.waitForText(By.tagName("body"), "Signed in to the fake GitHub as " + login);
            browser.open(FakeGitHubResource.serviceUrl() + "/login?next=/agreements/individual");
            browser.waitForPath("/agreements/individual");
            WebElement name = browser.waitFor(By.id("f-name"));
            name.clear();
            browser.driver.findElement(By.xpath("//button[starts-with(normalize-space(), 'I agree and sign')]"))
                    .submit();

            WebElement summary = browser.waitFor(By.id("error-summary"));
            browser.wait.until(d -> "error-summary".equals(browser.driver.executeScript(
                    "return document.activeElement && document.activeElement.id")));
            List<WebElement> links = summary.findElements(By.cssSelector("li a"));
            assertEquals(1, links.size(), summary.getText());
            assertEquals("Full name: Please fill this in", links.get(0).getText().strip());
            assertEquals("#f-name", links.get(0).getDomAttribute("href"));
            String said = summary.getText();
            assertFalse(said.matches("(?s).*\\b(4\\d\\d|Exception|f-name)\\b.*") || said.matches("(?ms).*^name:.*"),
                    "no status code, exception or field id: " + said);
            assertEquals("Please fill this in", browser.driver.findElement(By.id("f-name-error")).getText().strip(),
                    "the field says it beside itself");
            assertEquals("f-name-error", browser.driver.findElement(By.id("f-name")).getDomAttribute(
                    "aria-describedby"));
            Number top = (Number) browser.driver.executeScript(
                    "return document.getElementById('error-summary').getBoundingClientRect().top");
            assertTrue(top.doubleValue() >= 0 && top.doubleValue() < 844, "the summary is in view: " + top);

            List<String> problems = new java.util.ArrayList<>(PageAudit.accessibilityProblems(browser));
            problems.addAll(PageAudit.widthProblems(browser));
            assertTrue(problems.isEmpty(), String.join("\n", problems));
        }
    }

    @Test
    void aFormSentAfterTheSessionEndedComesBackFilledInAfterSigningInAgain() throws Exception {
        String login = user("exp");
        try (Browser browser = Browser.start()) {
            browser.open(FakeGitHubResource.fake().signInUrl(login));
            browser.waitForText(By.tagName("body"), "Signed in to the fake GitHub as " + login);
            browser.open(FakeGitHubResource.serviceUrl() + "/login?next=/agreements/individual");
            browser.waitForPath("/agreements/individual");
            WebElement name = browser.waitFor(By.id("f-name"));
            name.clear();
            name.sendKeys("Ada Typed <b>Lovelace</b>");
            // The session ends while the form is being filled in.
            browser.driver.manage().deleteCookieNamed(WebSessions.COOKIE);
            browser.driver.findElement(By.xpath("//button[starts-with(normalize-space(), 'I agree and sign')]"))
                    .click();

            browser.waitForText(By.tagName("h1"), "Please sign in");
            assertTrue(browser.driver.findElement(By.tagName("main")).getText().contains("what you typed is kept"));
            browser.driver.findElement(By.cssSelector("main a.button")).click();
            browser.waitForPath("/agreements/individual");
            assertEquals("Ada Typed <b>Lovelace</b>",
                    browser.waitFor(By.id("f-name")).getDomProperty("value"), "the form is back as it was typed");
            assertEquals(0, Integer.parseInt(Sql.text("SELECT count(*) FROM signature s JOIN person p"
                    + " ON p.github_id = s.github_id WHERE p.login = ?", login)), "nothing was signed yet");

            browser.open(FakeGitHubResource.serviceUrl() + "/agreements/individual");
            assertEquals("Ada " + login, browser.waitFor(By.id("f-name")).getDomProperty("value"),
                    "the kept values are shown once, then forgotten");
            WebElement again = browser.driver.findElement(By.id("f-name"));
            again.clear();
            again.sendKeys("Ada Typed");
            browser.driver.findElement(By.xpath("//button[starts-with(normalize-space(), 'I agree and sign')]"))
                    .click();
            browser.waitForText(By.tagName("h1"), "Signature receipt");
        }
    }

    private static String user(String prefix) {
        long id = 5_500_000 + IDS.incrementAndGet();
        String login = prefix + id;
        FakeGitHubResource.fake().addUser(id, login, "Ada " + login,
                List.of(new FakeEmail(login + "@example.org", true, true)));
        return login;
    }
}
