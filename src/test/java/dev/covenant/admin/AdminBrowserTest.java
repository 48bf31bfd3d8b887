package dev.covenant.admin;

import static dev.covenant.admin.AdminPagesTestSupport.adminAccount;
import static dev.covenant.admin.AdminPagesTestSupport.owner;
import static dev.covenant.admin.AdminPagesTestSupport.user;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import dev.covenant.Sql;
import dev.covenant.checks.InstalledRepositories;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.github.FakeRepo;
import dev.covenant.web.Browser;
import dev.covenant.web.PageAudit;
import dev.covenant.web.WebClient;

/** The administration pages in a real headless Chromium: publish a version, link a project, revoke a signature. */
@QuarkusTest
class AdminBrowserTest {

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

    /** Signs the browser in as the listed admin through /admin, which sends an anonymous visitor to sign in. */
    private void signInAsAdmin() {
        String login = adminAccount();
        browser.open(FakeGitHubResource.fake().signInUrl(login));
        browser.waitForText(By.tagName("body"), "Signed in to the fake GitHub as " + login);
        browser.open(FakeGitHubResource.serviceUrl() + "/admin");
        browser.waitForPath("/admin");
        browser.waitForText(By.tagName("h1"), "Administration");
    }

    private void click(By by) {
        WebElement element = browser.waitFor(by);
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        element.click();
    }

    private void type(String id, String text) {
        WebElement field = browser.waitFor(By.id(id));
        field.clear();
        field.sendKeys(text);
    }

    @Test
    void anAdminPublishesAMinorVersionAfterThePreview() {
        String slug = AdminPagesTestSupport.agreement("# Terms\n\nYou grant a license.\n");
        signInAsAdmin();
        click(By.linkText("Agreements"));
        browser.waitForPath("/admin/agreements");
        click(By.cssSelector("a[href='/admin/agreements/" + slug + "/publish']"));
        browser.waitForText(By.tagName("h1"), "Publish a version of");
        assertTrue(browser.driver.findElement(By.cssSelector("input[name=bump][value=MINOR]")).isSelected(),
                "a minor change unless chosen otherwise");
        type("text", "# Terms\n\nYou grant a broad license.\n");
        click(By.id("preview"));

        browser.waitForText(By.tagName("h1"), "Preview: Admin pages agreement, version 1.1.0");
        assertTrue(browser.driver.findElement(By.id("plain-words")).getText()
                .contains("You also license any of your patents"));
        assertEquals("You grant a broad license.",
                browser.driver.findElement(By.cssSelector("#rendered p")).getText().strip());
        assertEquals("You grant a broad license.",
                browser.driver.findElement(By.cssSelector("#diff ins")).getText().strip());
        assertEquals("You grant a license.", browser.driver.findElement(By.cssSelector("#diff del")).getText().strip());
        assertEquals("1.0.0", versions(slug), "the preview publishes nothing");
        browser.screenshot(java.nio.file.Path.of("target", "screenshots", "admin-preview.png"));

        click(By.id("publish"));
        browser.waitForPath("/agreements/" + slug + "/1.1.0");
        browser.waitForText(By.id("current"), "This is the current version.");
        assertEquals("1.0.0,1.1.0", versions(slug));
    }

    @Test
    void anAdminLinksARepositoryAndSeesTheErrorBesideTheField() {
        String owner = owner();
        signInAsAdmin();
        click(By.linkText("Projects"));
        browser.waitForPath("/admin/projects");
        type("scope", owner + "/widget");
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].value = '2020-01-01'",
                browser.driver.findElement(By.id("licenseFrom0")));
        type("licenseSpdx0", "Apache-2");
        new Select(browser.driver.findElement(By.id("corporateAgreement"))).selectByValue("corporate");
        click(By.id("link-button"));

        browser.waitFor(By.id("licenseSpdx0-error"));
        WebElement summary = browser.driver.findElement(By.id("error-summary"));
        assertTrue(summary.getText().contains("License history, row 1"), "the summary names the field in words: "
                + summary.getText());
        assertEquals("#licenseSpdx0", summary.findElement(By.cssSelector("li a")).getDomAttribute("href"));
        assertEquals("Apache-2", browser.driver.findElement(By.id("licenseSpdx0")).getDomProperty("value"),
                "what was typed is kept");
        assertEquals("0", Sql.textUnchecked("SELECT count(*) FROM project WHERE owner = ?", owner));

        type("licenseSpdx0", "Apache-2.0");
        click(By.id("link-button"));
        browser.waitForText(By.id("linked"), owner + "/widget is linked.");
        String row = browser.driver.findElement(By.xpath("//table[@id='projects']//tr[td[1][normalize-space()='"
                + owner + "/widget']]")).getText();
        assertTrue(row.contains("Apache-2.0 from 2020-01-01"), row);
        assertTrue(row.contains("companies: corporate"), row);
        assertEquals("1", Sql.textUnchecked("SELECT count(*) FROM project WHERE owner = ? AND repo = 'widget'", owner));
    }

    @Test
    void anAdminRevokesASignatureOnlyAfterConfirming() {
        String signer = user("revoked");
        WebClient person = WebClient.signIn(signer);
        person.signIndividual(person.csrf(), Map.of("name", "Rev Oked", "email", signer + "@example.org")).then()
                .statusCode(303);
        String id = Sql.textUnchecked("SELECT s.id::text FROM signature s JOIN person p ON p.github_id = s.github_id"
                + " WHERE p.login = ?", signer);
        signInAsAdmin();
        click(By.linkText("Agreements"));
        click(By.cssSelector("a[href='/admin/agreements/individual/signatures']"));
        type("q", signer);
        click(By.id("search"));
        browser.waitForText(By.id("count"), "1 signature matching");
        click(By.xpath("//table[@id='signatures']//a[normalize-space()='Revoke']"));
        browser.waitForText(By.tagName("h1"), "Revoke " + signer + "'s signature");
        assertTrue(browser.driver.findElement(By.id("consequences")).getText().contains("stays covered"));
        click(By.linkText("Keep it"));
        browser.waitForPath("/admin/agreements/individual/signatures");
        assertEquals("0", revocations(id), "keeping it revokes nothing");

        browser.open(FakeGitHubResource.serviceUrl() + "/admin/agreements/individual/signatures?q=" + signer);
        click(By.xpath("//table[@id='signatures']//a[normalize-space()='Revoke']"));
        click(By.xpath("//button[normalize-space()='Revoke this signature']"));
        browser.waitForPath("/admin/agreements/individual/signatures");
        assertEquals("1", revocations(id));
        browser.open(FakeGitHubResource.serviceUrl() + "/admin/agreements/individual/signatures?q=" + signer);
        String row = browser.waitFor(By.cssSelector("#signatures tbody tr")).getText();
        assertTrue(row.contains("Revoked"), row);
        assertFalse(browser.alertPresent());
    }

    @Test
    void anAdminSendsADeadDeliveryAgainOnlyAfterConfirming() throws Exception {
        String id = "admin-redrive-" + System.nanoTime();
        Sql.update("INSERT INTO delivery (delivery_id, event, action, repository, payload, received_at, state,"
                + " attempts, next_attempt_at, last_error) VALUES (?, 'ping', NULL, 'acme/widget', '\\x7b7d'::bytea,"
                + " now(), 'DEAD', 3, now(), 'GitHub answered 502')", id);
        signInAsAdmin();
        click(By.linkText("Webhook deliveries"));
        browser.waitForPath("/admin/deliveries");
        browser.open(FakeGitHubResource.serviceUrl() + "/admin/deliveries?state=DEAD");
        click(By.cssSelector("a[href='/admin/deliveries/" + id + "/redrive']"));
        browser.waitForText(By.tagName("h1"), "Send the ping delivery again?");
        assertEquals("DEAD", state(id), "the first click sends nothing");
        click(By.linkText("Leave it"));
        browser.waitForPath("/admin/deliveries");
        assertEquals("DEAD", state(id), "leaving it sends nothing");
        browser.open(FakeGitHubResource.serviceUrl() + "/admin/deliveries/" + id + "/redrive");
        click(By.xpath("//button[normalize-space()='Send it again']"));
        browser.waitForPath("/admin/deliveries");
        assertFalse("DEAD".equals(state(id)), "sent again");
        assertFalse(browser.alertPresent());
    }

    private static String state(String delivery) {
        return Sql.textUnchecked("SELECT state FROM delivery WHERE delivery_id = ?", delivery);
    }

    @Test
    void everyAdministrationPagePassesAxeAndFitsA390PixelWideScreen() throws Exception {
        String slug = AdminPagesTestSupport.agreement("# Terms\n\nA line long enough to wrap several times on a"
                + " narrow screen, which the page must wrap rather than scroll sideways.\n");
        FakeRepo repo = InstalledRepositories.installed("\"licenses\":[{\"from\":\"2000-01-01\",\"spdx\":\"MIT\"}]");
        String signer = user("walked");
        WebClient person = WebClient.signIn(signer);
        person.signIndividual(person.csrf(), Map.of("name", "Walk Ed", "email", signer + "@example.org")).then()
                .statusCode(303);
        String signature = Sql.textUnchecked("SELECT s.id::text FROM signature s JOIN person p"
                + " ON p.github_id = s.github_id WHERE p.login = ?", signer);
        String delivery = "admin-walk-" + System.nanoTime();
        Sql.update("INSERT INTO delivery (delivery_id, event, action, repository, payload, received_at, state,"
                + " attempts, next_attempt_at, last_error) VALUES (?, 'ping', NULL, 'acme/widget', '\\x7b7d'::bytea,"
                + " now(), 'DEAD', 3, now(), 'GitHub answered 502')", delivery);
        signInAsAdmin();
        List<String> problems = new java.util.ArrayList<>();
        for (Dimension size : List.of(PageAudit.DESKTOP, PageAudit.PHONE)) {
            browser.driver.manage().window().setSize(size);
            for (String page : List.of("/admin", "/admin/agreements", "/admin/agreements/" + slug + "/publish",
                    "/admin/agreements/individual/signatures", "/admin/projects", "/admin/deliveries",
                    "/admin/ledger", "/admin/ledger/verify", "/admin/repos/" + repo.fullName(),
                    "/admin/agreements/individual/signatures/" + signature + "/revoke",
                    "/admin/deliveries/" + delivery + "/redrive")) {
                browser.open(FakeGitHubResource.serviceUrl() + page);
                browser.waitFor(By.tagName("h1"));
                String where = page + " at " + size.width + " px: ";
                PageAudit.accessibilityProblems(browser).forEach(p -> problems.add(where + p));
                if (size.equals(PageAudit.DESKTOP) && !page.contains("/revoke") && !page.contains("/redrive")
                        && !page.startsWith("/admin/repos/") && !page.equals("/admin/ledger")) {
                    // The pages as docs/maintainers.md shows them (copied from target/screenshots).
                    browser.screenshot(java.nio.file.Path.of("target", "screenshots",
                            "admin" + page.substring("/admin".length()).replace('/', '-') + ".png"));
                }
                if (size.equals(PageAudit.PHONE)) {
                    PageAudit.widthProblems(browser).forEach(p -> problems.add(where + p));
                }
            }
        }

        // The pages a form answers with, which no path opens: a refused form, and the preview of a version.
        browser.driver.manage().window().setSize(PageAudit.DESKTOP);
        browser.open(FakeGitHubResource.serviceUrl() + "/admin/agreements/" + slug + "/publish");
        type("version", "not a version");
        click(By.id("preview"));
        browser.waitFor(By.id("error-summary"));
        problems.addAll(PageAudit.auditShown(browser, "publish form refused"));
        browser.driver.manage().window().setSize(PageAudit.DESKTOP);
        type("version", "");
        type("text", "# Terms\n\nA changed line long enough to wrap several times on a narrow screen, which the"
                + " preview and its diff must wrap rather than scroll sideways.\n");
        click(By.id("preview"));
        browser.waitForText(By.tagName("h1"), "Preview:");
        problems.addAll(PageAudit.auditShown(browser, "version preview"));
        assertEquals(List.of(), problems, "axe-core's WCAG 2.1 AA rules and the 390 px width");
    }

    private static String revocations(String signature) {
        return Sql.textUnchecked("SELECT count(*) FROM signature_revocation WHERE signature_id = ?::uuid", signature);
    }

    private static String versions(String slug) {
        return Sql.textUnchecked("SELECT string_agg(v.version, ',' ORDER BY v.id) FROM agreement_version v"
                + " JOIN agreement a ON a.id = v.agreement_id WHERE a.slug = ?", slug);
    }
}
