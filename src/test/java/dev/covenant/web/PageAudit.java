package dev.covenant.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;

import dev.covenant.github.FakeGitHubResource;

/**
 * Checks the page a {@link Browser} shows ({@link #audit} opens a {@link Page} at a desktop's and a phone's width and
 * does both checks): axe-core's WCAG 2.1 A and AA rules, and that it does not scroll sideways.
 * Each check answers what is wrong (empty when nothing is), so a walk over many pages can report them all at once.
 * <p>
 * axe-core is not in the repository: the first audit installs it with npm under {@code target/axe} (CI does it up
 * front, in {@code .ci/run}). Without npm the audit is skipped with one loud line, unless
 * {@code COVENANT_REQUIRE_BROWSER=true}: then it fails.
 */
public final class PageAudit {

    public static final String AXE_CORE = "axe-core@4.14.1";
    public static final Path AXE_DIR = Path.of("target", "axe");
    static final Path AXE_SCRIPT = AXE_DIR.resolve(Path.of("node_modules", "axe-core", "axe.min.js"));

    private static final String RUN = """
            var done = arguments[arguments.length - 1];
            axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})
              .then(function (r) {
                done(r.violations.map(function (v) {
                  return {id: v.id, impact: String(v.impact), help: v.help,
                    targets: v.nodes.map(function (n) { return n.target.join(' '); })};
                }));
              })
              .catch(function (e) { done([{id: 'axe-error', impact: 'critical', help: String(e), targets: []}]); });
            """;

    public static final Dimension DESKTOP = new Dimension(1280, 900);
    public static final Dimension PHONE = new Dimension(390, 844);

    /**
     * A page to audit: its name (for failures and screenshots), its path, the GitHub login that looks at it (null:
     * nobody signed in), and a text its {@code h1} holds, so that a sign-in or error page in its place fails.
     */
    public record Page(String name, String path, String login, String heading) {
    }

    private static String script;

    private PageAudit() {
    }

    /** axe-core's WCAG 2.1 A/AA violations on the current page, one line each: id, impact, what, where. */
    public static List<String> accessibilityProblems(Browser browser) {
        JavascriptExecutor js = browser.driver;
        if (!Boolean.TRUE.equals(js.executeScript("return typeof window.axe === 'object'"))) {
            js.executeScript(axeScript());
        }
        browser.driver.manage().timeouts().scriptTimeout(java.time.Duration.ofSeconds(60));
        Object answer = js.executeAsyncScript(RUN);
        List<String> problems = new ArrayList<>();
        for (Object o : (List<?>) answer) {
            Map<?, ?> v = (Map<?, ?>) o;
            problems.add(v.get("id") + " (" + v.get("impact") + "): " + v.get("help") + " at " + v.get("targets"));
        }
        return problems;
    }

    /** What makes the page wider than the window, if it is: the page must never scroll sideways. */
    public static List<String> widthProblems(Browser browser) {
        JavascriptExecutor js = browser.driver;
        Number page = (Number) js.executeScript("return document.documentElement.scrollWidth");
        Number window = (Number) js.executeScript("return window.innerWidth");
        if (page.longValue() <= window.longValue()) {
            return List.of();
        }
        // Name the widest elements that stick out, so the failure says what to fix.
        Object culprits = js.executeScript("""
                var w = window.innerWidth, out = [];
                document.querySelectorAll('body *').forEach(function (e) {
                  var r = e.getBoundingClientRect();
                  if (r.right > w + 0.5 && out.length < 5) {
                    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '')
                      + (e.className && e.className.baseVal === undefined ? '.' + e.className.split(' ').join('.') : '')
                      + ' right=' + Math.round(r.right));
                  }
                });
                return out;
                """);
        return List.of("the page is " + page + " px wide in a " + window + " px window; sticking out: " + culprits);
    }

    /** Both widths: axe-core at each, and no sideways scrolling at the phone's. */
    public static List<String> audit(Browser browser, Page page) {
        List<String> problems = new ArrayList<>();
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            browser.driver.manage().window().setSize(size);
            browser.open(FakeGitHubResource.serviceUrl() + page.path());
            browser.wait.until(d -> "complete"
                    .equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
            String heading = browser.driver.findElement(By.tagName("h1")).getText();
            assertTrue(heading.contains(page.heading()), page.name() + " (" + page.path() + ") shows \"" + heading
                    + "\" where its heading should hold \"" + page.heading() + "\"");
            String where = page.name() + " at " + size.width + " px (" + page.path() + "): ";
            PageAudit.accessibilityProblems(browser).forEach(p -> problems.add(where + p));
            if (size.equals(PHONE)) {
                assertEquals(PHONE.width, ((Number) browser.driver.executeScript("return window.innerWidth"))
                        .intValue(), "the window is a phone's width");
                PageAudit.widthProblems(browser).forEach(p -> problems.add(where + p));
                browser.screenshot(Path.of("target", "screenshots", "phone", page.name().replace(' ', '-') + ".png"));
            }
        }
        return problems;
    }

    /**
     * The page shown now, which a path cannot open again (the answer to a form: a preview, a refused form): axe-core
     * at both widths, and no sideways scrolling at the phone's. The window is resized; the page is not reloaded.
     */
    public static List<String> auditShown(Browser browser, String name) {
        List<String> problems = new ArrayList<>();
        for (Dimension size : List.of(DESKTOP, PHONE)) {
            browser.driver.manage().window().setSize(size);
            browser.wait.until(d -> ((Number) ((JavascriptExecutor) d).executeScript("return window.innerWidth"))
                    .intValue() == size.width);
            String where = name + " at " + size.width + " px: ";
            PageAudit.accessibilityProblems(browser).forEach(p -> problems.add(where + p));
            if (size.equals(PHONE)) {
                PageAudit.widthProblems(browser).forEach(p -> problems.add(where + p));
                browser.screenshot(Path.of("target", "screenshots", "phone", name.replace(' ', '-') + ".png"));
            }
        }
        return problems;
    }

    /** The text of axe.min.js, installed with npm when it is not there yet. */
    static synchronized String axeScript() {
        if (script == null) {
            if (!Files.isRegularFile(AXE_SCRIPT)) {
                install();
            }
            try {
                script = Files.readString(AXE_SCRIPT, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return script;
    }

    private static void install() {
        List<String> command = List.of("npm", "install", "--prefix", AXE_DIR.toString(), "--no-save",
                "--no-package-lock", "--no-audit", "--no-fund", "--loglevel=error", AXE_CORE);
        String failure;
        try {
            Files.createDirectories(AXE_DIR);
            Process npm = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(npm.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!npm.waitFor(5, TimeUnit.MINUTES)) {
                npm.destroyForcibly();
            }
            if (npm.exitValue() == 0 && Files.isRegularFile(AXE_SCRIPT)) {
                return;
            }
            failure = String.join(" ", command) + " failed: " + output.strip();
        } catch (IOException e) {
            failure = "npm is not on the PATH (" + e.getMessage() + ")";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            failure = "interrupted while installing " + AXE_CORE;
        }
        String why = "the accessibility audits need " + AXE_CORE + " from npm (Node.js and npm installed, the npm "
                + "registry reachable), or its axe.min.js at " + AXE_SCRIPT + ": " + failure;
        if (!"true".equals(System.getenv("COVENANT_REQUIRE_BROWSER"))) {
            System.err.println("SKIPPING AN ACCESSIBILITY AUDIT: " + why);
            Assumptions.abort(why);
        }
        throw new AssertionError(why);
    }
}
