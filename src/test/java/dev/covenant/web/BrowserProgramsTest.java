package dev.covenant.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding Chromium and chromedriver on the PATH, or where the environment names them. Plain JUnit. */
class BrowserProgramsTest {

    @TempDir
    Path dir;

    private Path program(String folder, String name) throws Exception {
        Path file = Files.createDirectories(dir.resolve(folder)).resolve(name);
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

    @Test
    void theFirstBrowserOnThePathInOrderOfPreference() throws Exception {
        Path chrome = program("a", "google-chrome");
        Path chromiumBrowser = program("b", "chromium-browser");
        Path driver = program("b", "chromedriver");
        String path = dir.resolve("a") + File.pathSeparator + dir.resolve("b");
        BrowserPrograms found = BrowserPrograms.find(Map.of("PATH", path));
        assertEquals(Optional.of(chromiumBrowser), found.browser(), "chromium-browser before google-chrome");
        assertEquals(Optional.of(driver), found.driver());
        assertEquals(Optional.empty(), found.missing());
        assertEquals(Optional.of(chrome), BrowserPrograms.find(Map.of("PATH", dir.resolve("a").toString()))
                .browser());
    }

    @Test
    void theEnvironmentNamesThemAndWhatIsMissingSaysHowToInstallIt() throws Exception {
        Path mine = program("c", "my-chrome");
        Path myDriver = program("c", "my-driver");
        BrowserPrograms named = BrowserPrograms.find(Map.of("PATH", "", "COVENANT_TEST_BROWSER", mine.toString(),
                "COVENANT_TEST_DRIVER", myDriver.toString()));
        assertEquals(Optional.of(mine), named.browser());
        assertEquals(Optional.of(myDriver), named.driver());
        String missing = new BrowserPrograms(Optional.empty(), Optional.empty()).missing().orElseThrow();
        assertTrue(missing.contains("apt-get install chromium chromium-driver")
                && missing.contains("COVENANT_TEST_BROWSER"), missing);
    }
}
