package dev.covenant.relicensing.report;

import static dev.covenant.Api.admin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.SQLException;
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

import dev.covenant.Sql;
import dev.covenant.checks.InstalledRepositories;
import dev.covenant.github.FakeGitHubResource;
import dev.covenant.github.FakeRepo;
import dev.covenant.relicensing.history.GitRepo;
import dev.covenant.relicensing.history.HistoryImportTest;
import dev.covenant.web.Browser;
import dev.covenant.web.WebClient;

/** The relicensing page in a real headless Chromium, signed in as a maintainer through the fake GitHub. */
@QuarkusTest
class RelicensingPageBrowserTest {

    private Browser browser;
    private FakeRepo repo;
    private String name;
    private String maintainer;

    @BeforeEach
    void startBrowserWithARepository() {
        browser = Browser.start();
        browser.driver.manage().window().setSize(new Dimension(1400, 1600));
        repo = InstalledRepositories.installed("\"licenses\":[{\"from\":\"2000-01-01\",\"spdx\":\"MIT\"}]");
        name = repo.fullName().toLowerCase();
        maintainer = InstalledRepositories.user("brm");
        repo.setPermission(maintainer, "maintain");
    }

    @AfterEach
    void quitBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void aMaintainerReadsTheReportAndFollowsACloneImportToItsEnd() throws IOException {
        WebClient signer = WebClient.signIn(maintainer);
        signer.signIndividual(signer.csrf(),
                Map.of("name", "Person " + maintainer, "email", maintainer + "@example.org"))
                .then().statusCode(303);
        GitRepo git = new GitRepo();
        git.write("a.txt", "one\ntwo\n");
        git.commit("Person " + maintainer, maintainer + "@example.org", "First");
        git.write("b.txt", "three\n");
        git.commit("Somebody", "somebody@elsewhere.example", "Second");
        admin().contentType("text/plain").queryParam("wait", true)
                .body(git.git(HistoryImportTest.LOG_ARGS).getBytes(StandardCharsets.UTF_8))
                .post("/api/repos/" + name + "/history").then().statusCode(200).body("state", equalTo("DONE"));
        // What the clone brings on top of the imported history.
        git.write("b.txt", "three\nfour\n");
        git.commit("Somebody", "somebody@elsewhere.example", "Third");
        git.write("a.txt", "one\ntwo\nfive\n");
        git.commit("Person " + maintainer, maintainer + "@example.org", "Fourth");

        signInThroughThePage();
        browser.driver.findElement(By.id("to")).sendKeys("Apache-2.0");
        browser.driver.findElement(By.xpath("//button[normalize-space()='Show the report']")).click();
        browser.waitFor(By.id("contributors"));
        assertEquals("/repos/" + name + "/relicensing", browser.path());
        assertEquals(List.of("People", "50.0%", "1 of 2"), totals("people"));
        assertEquals(List.of("Commits", "50.0%", "1 of 2"), totals("commits"));
        assertEquals(List.of("Lines added", "66.7%", "2 of 3"), totals("lines"));
        List<WebElement> rows = browser.driver.findElements(By.cssSelector("#contributors tbody tr"));
        assertEquals(2, rows.size());
        WebElement mine = rows.stream().filter(r -> r.getText().contains(maintainer)).findFirst().orElseThrow();
        assertTrue(mine.getText().contains("GRANTED"), mine.getText());
        assertEquals(FakeGitHubResource.fake().webUrl().replaceAll("/+$", "") + "/" + maintainer,
                mine.findElement(By.linkText(maintainer)).getDomAttribute("href"));

        browser.driver.findElement(By.id("cloneUrl")).sendKeys(git.dir.toUri().toString());
        browser.driver.findElement(By.xpath("//button[normalize-space()='Import the history']")).click();
        By newest = By.cssSelector("#import-list tbody tr.import");
        browser.wait.until(d -> d.findElement(newest).getText().contains("from"));
        browser.waitForText(By.cssSelector("#import-list tbody tr.import [data-field='state']"), "DONE");
        WebElement job = browser.driver.findElement(newest);
        assertTrue(job.getText().contains("4 of 4 commits"), job.getText());
        assertTrue(job.getText().contains("2 new"), job.getText());
        assertEquals("Apache-2.0", browser.driver.findElement(By.id("to")).getDomProperty("value"),
                "the target is kept");
        // The page reloads the report once it sees the import end; the totals follow a moment later.
        browser.waitForText(By.id("totals-commits"), "2 of 4");
        assertEquals(List.of("Commits", "50.0%", "2 of 4"), totals("commits"));
        browser.screenshot(Path.of("target", "screenshots", "relicensing-page.png"));
    }

    @Test
    void theProgressOfARunningImportIsFollowedUntilItEnds() throws SQLException {
        // An import that this test moves forward itself, as a worker would, so that every step can be watched: its
        // job is held by an instance that is not this service, whose lease lasts beyond the test.
        String jobId = Sql
                .text("INSERT INTO job (kind, state, run_after, attempts, lease_owner, lease_until, phase, done,"
                        + " total, rate, created_at, started_at, updated_at) VALUES ('import', 'RUNNING', now(), 1,"
                        + " 'the test', now() + interval '1 hour', 'READING', 3, 10, 1.5, now(), now(), now()) RETURNING id");
        String id = Sql.text("INSERT INTO history_import (job_id, repository, source, clone_url) VALUES (?::bigint, ?,"
                + " 'CLONE', 'https://example.org/x.git') RETURNING id", jobId, name);
        signInThroughThePage();
        By row = By.cssSelector("#import-list tr[data-import='" + id + "']");
        assertEquals("3",
                browser.driver.findElement(row).findElement(By.cssSelector("[data-field='commitsDone']")).getText());
        ((JavascriptExecutor) browser.driver).executeScript("window.notReloaded = true");

        Sql.update("UPDATE job SET done = 7, rate = 3.5, updated_at = now() WHERE id = ?::bigint", jobId);
        browser.waitForText(row, "7 of 10 commits");
        WebElement job = browser.driver.findElement(row);
        assertTrue(job.getText().contains("3.5 a second"), job.getText());
        assertTrue(job.getText().contains("about 1 s left"), job.getText());
        assertEquals("7", job.findElement(By.cssSelector("progress")).getDomProperty("value").replace(".0", ""));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser.driver).executeScript("return window.notReloaded"),
                "the numbers change in place");

        Sql.update("UPDATE history_import SET commits_added = 10 WHERE id = ?::bigint", id);
        Sql.update("UPDATE job SET state = 'DONE', phase = NULL, done = 10, lease_until = NULL, finished_at = now(),"
                + " updated_at = now() WHERE id = ?::bigint", jobId);
        browser.waitForText(row, "10 new");
        assertEquals(null, ((JavascriptExecutor) browser.driver).executeScript("return window.notReloaded"),
                "the page reloads to show the outcome");
        assertEquals("DONE",
                browser.driver.findElement(row).findElement(By.cssSelector("[data-field='state']")).getText());
        assertFalse(browser.driver.getPageSource().contains("imports.js"), "nothing left to follow");
    }

    /** Signed in on the fake GitHub, opens the page signed out, and follows its sign-in link back to it. */
    private void signInThroughThePage() {
        browser.open(FakeGitHubResource.fake().signInUrl(maintainer));
        browser.waitForText(By.tagName("body"), "Signed in to the fake GitHub as " + maintainer);
        browser.open(FakeGitHubResource.serviceUrl() + "/repos/" + name + "/relicensing");
        browser.waitFor(By.linkText("Sign in with GitHub to see the report")).click();
        browser.waitFor(By.id("report-form"));
        assertEquals("/repos/" + name + "/relicensing", browser.path());
        assertEquals(maintainer,
                browser.driver.findElement(By.cssSelector("header nav a[href='/me']")).getText().strip());
    }

    /** The cells of a totals row: what, share, count. */
    private List<String> totals(String what) {
        return browser.driver.findElements(By.cssSelector("#totals-" + what + " th, #totals-" + what + " td")).stream()
                .map(e -> e.getText().strip()).toList();
    }
}
