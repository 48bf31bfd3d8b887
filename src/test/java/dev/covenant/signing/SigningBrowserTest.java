package dev.covenant.signing;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import dev.covenant.Api;
import dev.covenant.Sql;
import dev.covenant.github.FakeEmail;
import dev.covenant.github.FakeGitHub;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.web.Browser;

/** The signing pages in a real headless Chromium, signed in through the fake GitHub's OAuth pages. */
@QuarkusTest
class SigningBrowserTest {

    private static final AtomicLong IDS = new AtomicLong(8_000_000 + (System.nanoTime() % 1_000_000));
    private static final String SCRIPT = "<script>alert(1)</script>";

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
    void contributorSignsTheShippedIndividualAgreementSeesTheReceiptAndRevokes() throws SQLException {
        String login = newUser("brw");
        signInThroughTheAgreementPage(login, "/agreements/individual");

        String version = browser.driver.findElement(By.name("version")).getDomProperty("value");
        String sha256 = browser.driver.findElement(By.cssSelector("p.muted .hash")).getText().strip();
        assertTrue(sha256.matches("[0-9a-f]{64}"), "the agreement page shows the text's SHA-256, got: " + sha256);
        assertEquals(Sql.text("SELECT v.sha256 FROM agreement_version v JOIN agreement a ON a.id = v.agreement_id "
                + "WHERE a.slug = 'individual' AND v.version = ?", version), sha256);
        assertThat(browser.driver.getPageSource(), containsString("What you grant, in plain words"));

        Select email = new Select(browser.driver.findElement(By.id("f-email")));
        assertEquals(login + "@example.org", email.getFirstSelectedOption().getDomProperty("value"),
                "the verified address is chosen already");
        WebElement name = browser.driver.findElement(By.id("f-name"));
        assertEquals("Grace " + login, name.getDomProperty("value"), "the name GitHub knows is suggested");
        name.clear();
        name.sendKeys("Grace Browser");
        WebElement submit = browser.driver.findElement(
                By.xpath("//button[@type='submit' and starts-with(normalize-space(), 'I agree and sign version')]"));
        assertEquals("I agree and sign version " + version, submit.getText().strip());
        ((JavascriptExecutor) browser.driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", submit);
        Path shot = browser.screenshot(Path.of("target", "screenshots", "signing-page.png"));
        assertTrue(isPng(shot), "screenshot " + shot + " is a PNG");
        submit.click();

        browser.waitForText(By.tagName("h1"), "Signature receipt");
        assertTrue(browser.path().startsWith("/signatures/"), browser.path());
        String signatureId = browser.path().substring("/signatures/".length());
        assertEquals(version, receiptRow("Version"));
        assertEquals(sha256, receiptRow("Text SHA-256"));
        assertEquals("Grace Browser", receiptRow("name"));
        assertEquals(login + "@example.org", receiptRow("email"));
        assertEquals("Signed.", browser.driver.findElement(By.cssSelector("main p.ok")).getText().strip());

        browser.driver.findElement(By.linkText("All your signatures")).click();
        browser.waitForPath("/me");
        List<WebElement> revoke = browser.driver.findElements(By.xpath("//a[normalize-space()='Revoke']"));
        assertEquals(1, revoke.size(), "one signature, one Revoke button");
        revoke.get(0).click();
        // The first click only asks: a page that says what revoking does, and changes nothing.
        browser.waitForText(By.tagName("h1"), "Revoke your signature of");
        assertEquals("/signatures/" + signatureId + "/revoke", browser.path());
        assertTrue(browser.driver.findElement(By.id("consequences")).getText()
                .contains("what you contributed before now stays covered"));
        assertEquals("0", Sql.text("SELECT count(*) FROM signature_revocation WHERE signature_id = ?::uuid",
                signatureId), "the first click revokes nothing");
        browser.driver.findElement(By.linkText("Keep it")).click();
        browser.waitForPath("/me");
        assertEquals("0", Sql.text("SELECT count(*) FROM signature_revocation WHERE signature_id = ?::uuid",
                signatureId), "keeping it revokes nothing");
        browser.driver.findElement(By.xpath("//a[normalize-space()='Revoke']")).click();
        browser.waitForText(By.tagName("h1"), "Revoke your signature of");
        browser.driver.findElement(By.xpath("//button[normalize-space()='Revoke my signature']")).click();
        browser.waitForText(By.cssSelector("main table .bad"), "revoked");
        assertEquals("/me", browser.path());
        assertTrue(browser.driver.findElements(By.xpath("//a[normalize-space()='Revoke']")).isEmpty());

        assertNotNull(Sql.text("SELECT revoked_at FROM signature_revocation WHERE signature_id = ?::uuid",
                signatureId), "the revocation is recorded");
        assertEquals("signature.signed",
                Sql.text("SELECT e.kind FROM signature s JOIN ledger_entry e ON e.seq = s.ledger_seq "
                        + "WHERE s.id = ?::uuid", signatureId));
        assertEquals("signature.revoked", Sql.text("SELECT e.kind FROM signature_revocation r JOIN ledger_entry e "
                + "ON e.seq = r.ledger_seq WHERE r.signature_id = ?::uuid", signatureId));
        List<String> lastKinds = lastLedgerKinds(5);
        assertTrue(lastKinds.contains("signature.signed") && lastKinds.contains("signature.revoked"),
                "the last ledger entries record the signing and the revocation: " + lastKinds);
        assertEquals("signature.revoked", lastKinds.get(0), "the revocation is the newest entry: " + lastKinds);
        Api.admin().get("/api/ledger/verify").then().statusCode(200).body("intact", equalTo(true));
    }

    @Test
    void companySignsAndCoversAnEmployeeByEmailDomain() throws SQLException {
        String login = newUser("cso");
        long n = IDS.incrementAndGet();
        String domain = "acme-" + n + ".example";
        String company = "Acme <b>Corp</b>";
        signInThroughTheAgreementPage(login, "/corporate/corporate");

        browser.driver.findElement(By.id("f-company")).sendKeys(company);
        browser.driver.findElement(By.id("f-title")).sendKeys("Head of <i>Open Source</i>");
        browser.driver.findElement(By.id("f-contact_email")).sendKeys("legal@" + domain);
        browser.driver.findElement(By.xpath("//button[normalize-space()='Sign version 1.0.0 for the company']"))
                .click();

        browser.wait.until(d -> !browser.path().equals("/corporate/corporate"));
        browser.wait
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
        assertTrue(browser.path().startsWith("/corporate/agreements/"), "signing for the company should lead to its "
                + "manage page, but " + browser.path() + " says: "
                + browser.driver.findElement(By.tagName("body")).getText());
        String corporateId = browser.path().substring("/corporate/agreements/".length());
        browser.waitForText(By.tagName("h1"), company);
        assertEquals(company, browser.driver.findElement(By.tagName("h1")).getText().strip(),
                "the company name is shown as typed");
        assertTrue(browser.driver.findElements(By.cssSelector("h1 b, main p.muted i")).isEmpty(),
                "nothing typed became markup");
        assertThat("the company name is escaped", browser.driver.getPageSource(),
                containsString("Acme &lt;b&gt;Corp&lt;/b&gt;"));
        assertThat(browser.driver.findElement(By.cssSelector("main p.muted")).getText(),
                containsString("Head of <i>Open Source</i>"));
        assertThat(browser.driver.getPageSource(), containsString("Nobody yet."));

        new Select(browser.driver.findElement(By.id("kind"))).selectByValue("DOMAIN");
        browser.driver.findElement(By.id("value")).sendKeys(domain);
        browser.driver.findElement(By.xpath("//button[normalize-space()='Add']")).click();

        By row = By.xpath("//table/tbody/tr[td[2][normalize-space()='" + domain + "']]");
        WebElement added = browser.waitFor(row);
        assertEquals("/corporate/agreements/" + corporateId, browser.path());
        assertEquals("E-mail domain", added.findElement(By.xpath("td[1]")).getText().strip());
        assertTrue(added.findElement(By.xpath("td[3]")).getText().endsWith("to open"), added.getText());
        assertEquals("1", Sql.text("SELECT count(*) FROM approval WHERE corporate_id = ?::uuid AND value = ?",
                corporateId, domain));

        String owner = "brw-" + UUID.randomUUID().toString().substring(0, 8);
        Api.admin()
                .body(Map.of("owner", owner, "repo", "widget", "agreement", "individual", "corporateAgreement",
                        "corporate"))
                .post("/api/projects").then().statusCode(201);
        Api.admin().queryParam("repo", owner + "/widget").queryParam("email", "dev@" + domain)
                .get("/api/coverage").then().statusCode(200)
                .body("covered", equalTo(true))
                .body("by", equalTo("CORPORATE"))
                .body("corporate.criterion", equalTo("DOMAIN"))
                .body("corporate.value", equalTo(domain))
                .body("corporate.id", equalTo(corporateId))
                .body("corporate.company", equalTo(company));
        Api.admin().queryParam("repo", owner + "/widget").queryParam("email", "dev@other-" + n + ".example")
                .get("/api/coverage").then().statusCode(200)
                .body("covered", equalTo(false));
    }

    @Test
    void xssInEveryFieldIsRenderedAsText() throws SQLException {
        String login = newUser("xsb");
        signInThroughTheAgreementPage(login, "/agreements/individual");
        JavascriptExecutor js = (JavascriptExecutor) browser.driver;

        // First a submission the server refuses, so the form comes back filled in with what was typed.
        String badEmail = "<img src=x onerror=alert(2)>@example.org";
        js.executeScript("var o = document.createElement('option'); o.value = arguments[1]; o.text = arguments[1];"
                + "arguments[0].appendChild(o); arguments[0].value = arguments[1];",
                browser.driver.findElement(By.id("f-email")), badEmail);
        browser.driver.findElement(By.id("f-name")).clear();
        browser.driver.findElement(By.id("f-name")).sendKeys(SCRIPT);
        browser.driver.findElement(By.xpath("//button[starts-with(normalize-space(), 'I agree and sign version')]"))
                .click();
        browser.waitFor(By.id("f-email-error"));
        assertFalse(browser.alertPresent(), "no script ran on the refused form");
        assertEquals(SCRIPT, browser.driver.findElement(By.id("f-name")).getDomProperty("value"),
                "the name is kept as text");
        assertTrue(browser.driver.findElements(By.cssSelector("main img")).isEmpty(),
                "the refused address made no element");
        assertEquals("0",
                Sql.text(
                        "SELECT count(*) FROM signature s JOIN person p ON p.github_id = s.github_id WHERE p.login = ?",
                        login));

        // Then a good submission with the script as the name.
        new Select(browser.driver.findElement(By.id("f-email"))).selectByValue(login + "@example.org");
        browser.driver.findElement(By.xpath("//button[starts-with(normalize-space(), 'I agree and sign version')]"))
                .click();
        browser.waitForText(By.tagName("h1"), "Signature receipt");
        assertFalse(browser.alertPresent(), "no script ran on the receipt");
        assertEquals(SCRIPT, receiptRow("name"), "the script is shown as text");
        assertTrue(browser.driver.findElements(By.cssSelector("main script")).isEmpty(),
                "no script element on the page");
        assertThat(browser.driver.getPageSource(), containsString("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assertEquals(Boolean.FALSE, js.executeScript("return document.body.innerHTML.includes(arguments[0])", SCRIPT));
    }

    /** Opens the page signed out, follows its sign-in button through the fake GitHub, and is back with the form. */
    private void signInThroughTheAgreementPage(String login, String page) {
        // The fake GitHub keeps this browser signed in as the user through its own cookie.
        browser.open(github().signInUrl(login));
        browser.waitForText(By.tagName("body"), "Signed in to the fake GitHub as " + login);
        browser.open(FakeGitHubResource.serviceUrl() + page);
        browser.waitFor(By.linkText("Sign in with GitHub to sign")).click();
        browser.waitForPath(page);
        browser.waitFor(By.cssSelector("form[action$='/sign'] button[type='submit']"));
        assertEquals(login, browser.driver.findElement(By.cssSelector("header nav a[href='/me']")).getText().strip(),
                "signed in as " + login);
        assertThat(browser.driver.findElement(By.cssSelector("form[action$='/sign']")).getText(),
                containsString("Signing as GitHub user " + login));
    }

    private String receiptRow(String header) {
        return browser.driver.findElement(By.xpath("//table//tr[th[normalize-space()='" + header + "']]/td")).getText()
                .strip();
    }

    private static List<String> lastLedgerKinds(int count) throws SQLException {
        List<String> kinds = new ArrayList<>();
        try (var c = Sql.connect();
                var ps = c.prepareStatement("SELECT kind FROM ledger_entry ORDER BY seq DESC LIMIT ?")) {
            ps.setInt(1, count);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    kinds.add(rs.getString(1));
                }
            }
        }
        return kinds;
    }

    private static boolean isPng(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            return bytes.length > 1000 && (bytes[0] & 0xff) == 0x89 && bytes[1] == 'P' && bytes[2] == 'N'
                    && bytes[3] == 'G';
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static FakeGitHub github() {
        return FakeGitHubResource.fake();
    }

    /** A fresh fake GitHub account with one verified, primary address, login@example.org. */
    private static String newUser(String prefix) {
        long id = IDS.incrementAndGet();
        String login = prefix + id;
        github().addUser(id, login, "Grace " + login, List.of(new FakeEmail(login + "@example.org", true, true)));
        return login;
    }
}
