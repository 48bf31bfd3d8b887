package dev.covenant.web;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Where the page tests find Chromium and its driver: {@code COVENANT_TEST_BROWSER} and
 * {@code COVENANT_TEST_DRIVER} when set, else the first of {@code chromium}, {@code chromium-browser},
 * {@code google-chrome} and the first {@code chromedriver} on the {@code PATH} (Debian also keeps it in
 * {@code /usr/lib/chromium}).
 */
record BrowserPrograms(Optional<Path> browser, Optional<Path> driver) {

    static final List<String> BROWSERS = List.of("chromium", "chromium-browser", "google-chrome");
    static final String INSTALL = "install Chromium and its driver (Debian: apt-get install chromium"
            + " chromium-driver), or name them in COVENANT_TEST_BROWSER and COVENANT_TEST_DRIVER";

    static BrowserPrograms find() {
        return find(System.getenv());
    }

    static BrowserPrograms find(Map<String, String> env) {
        List<Path> path = java.util.Arrays.stream(env.getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(d -> !d.isEmpty()).map(Path::of).toList();
        Optional<Path> browser = named(env.get("COVENANT_TEST_BROWSER"))
                .or(() -> BROWSERS.stream().flatMap(b -> onPath(path, b).stream()).findFirst());
        List<Path> driverDirs = new java.util.ArrayList<>(path);
        driverDirs.add(Path.of("/usr/lib/chromium"));
        Optional<Path> driver = named(env.get("COVENANT_TEST_DRIVER")).or(() -> onPath(driverDirs, "chromedriver"));
        return new BrowserPrograms(browser, driver);
    }

    /** What is missing, in one line that says how to get it; empty when both were found. */
    Optional<String> missing() {
        if (browser.isPresent() && driver.isPresent()) {
            return Optional.empty();
        }
        String what = browser.isEmpty() && driver.isEmpty()
                ? "neither Chromium (" + String.join(", ", BROWSERS) + ") nor chromedriver"
                : browser.isEmpty() ? "no Chromium (" + String.join(", ", BROWSERS) + ")" : "no chromedriver";
        return Optional.of("The page tests found " + what + " on the PATH: " + INSTALL);
    }

    private static Optional<Path> named(String program) {
        return program == null || program.isBlank()
                ? Optional.empty()
                : Optional.of(Path.of(program)).filter(Files::isExecutable);
    }

    private static Optional<Path> onPath(List<Path> dirs, String name) {
        return dirs.stream().map(d -> d.resolve(name)).filter(Files::isExecutable).findFirst();
    }
}
