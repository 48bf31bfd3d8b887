package dev.covenant.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.NoAlertPresentException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.UnexpectedAlertBehaviour;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through chromedriver, both found on the PATH ({@link BrowserPrograms}). Nothing is
 * downloaded: both paths are given to Selenium, so Selenium Manager never runs. When either program is missing the
 * test is skipped with one loud line that says how to install them,
 * unless {@code COVENANT_REQUIRE_BROWSER=true} (as CI sets it): then it fails and says what to install.
 */
public final class Browser implements AutoCloseable {

    public static final Duration WAIT = Duration.ofSeconds(10);

    public final ChromeDriver driver;
    public final WebDriverWait wait;
    private final Path profile;

    private Browser(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
        this.wait = new WebDriverWait(driver, WAIT);
        // A page that reloads itself (the import progress does) replaces elements between a find and its use.
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** Starts a fresh headless Chromium with its own empty profile. */
    public static Browser start() {
        return start(true);
    }

    /**
     * The same, with the pages' JavaScript off when {@code javascript} is false, to show that a page works without
     * it (the driver itself still reads the page).
     */
    public static Browser start(boolean javascript) {
        BrowserPrograms programs = BrowserPrograms.find();
        Optional<String> missing = programs.missing();
        if (missing.isPresent()) {
            if (!"true".equals(System.getenv("COVENANT_REQUIRE_BROWSER"))) {
                System.err.println("SKIPPING A BROWSER TEST: " + missing.get());
                Assumptions.abort(missing.get());
            }
            throw new AssertionError(missing.get());
        }
        Path chromium = programs.browser().orElseThrow();
        Path chromedriver = programs.driver().orElseThrow();
        // Belt and braces: Selenium Manager must neither run nor report anything.
        System.setProperty("SE_AVOID_STATS", "true");
        System.setProperty("webdriver.chrome.driver", chromedriver.toString());
        Path profile;
        try {
            profile = Files.createTempDirectory("covenant-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(chromium.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run",
                "--user-data-dir=" + profile);
        if (!javascript) {
            options.setExperimentalOption("prefs",
                    java.util.Map.of("profile.managed_default_content_settings.javascript", 2));
        }
        // An alert must stay open so a test can see it, instead of being dismissed by the next command.
        options.setUnhandledPromptBehaviour(UnexpectedAlertBehaviour.IGNORE);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.toFile())
                .usingAnyFreePort()
                .build();
        try {
            return new Browser(new ChromeDriver(service, options), profile);
        } catch (RuntimeException e) {
            delete(profile);
            throw new AssertionError("Chromium did not start headless from " + chromium + " with " + chromedriver, e);
        }
    }

    public void open(String url) {
        driver.get(url);
    }

    public WebElement waitFor(By by) {
        return wait.until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    public void waitForPath(String path) {
        wait.until(d -> java.net.URI.create(d.getCurrentUrl()).getPath().equals(path));
    }

    public void waitForText(By by, String text) {
        wait.until(ExpectedConditions.textToBePresentInElementLocated(by, text));
    }

    public String path() {
        return java.net.URI.create(driver.getCurrentUrl()).getPath();
    }

    public boolean alertPresent() {
        try {
            driver.switchTo().alert();
            return true;
        } catch (NoAlertPresentException e) {
            return false;
        }
    }

    /** Saves a PNG of the current viewport, making the directories. */
    public Path screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            delete(profile);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temp profile is harmless.
        }
    }
}
