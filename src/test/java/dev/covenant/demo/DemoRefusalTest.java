package dev.covenant.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DemoRefusalTest {

    @ParameterizedTest
    @CsvSource({"http://localhost:8080,127.0.0.1", "http://127.0.0.1:8081,127.0.0.1", "'http://[::1]:8080',::1",
            ",127.0.0.1"})
    void theDemoListensOnLoopbackOnly(String publicUrl, String host) {
        assertEquals(host, DemoConfigSourceFactory.bindHost(publicUrl));
    }

    @ParameterizedTest
    @ValueSource(strings = {"http://localhost:8080", "http://LOCALHOST", "https://localhost:8443/covenant",
            "http://127.0.0.1:8080", "http://127.1.2.3", "http://127.255.255.255:1", "http://[::1]:8080",
            "http://[0:0:0:0:0:0:0:1]"})
    void loopbackStarts(String url) {
        assertEquals(Optional.empty(), DemoRefusal.check(url, Map.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://cla.example.org", "http://192.168.1.2:8080", "http://0.0.0.0:8080",
            "http://128.0.0.1", "http://127.0.0.256", "http://localhost.example.org", "http://[::2]", "not a url",
            ""})
    void anythingElseIsRefusedAndNamesTheUrl(String url) {
        String refusal = DemoRefusal.check(url, Map.of()).orElseThrow();
        assertTrue(refusal.contains("COVENANT_PUBLIC_URL (" + url + ") is not a loopback address"), refusal);
    }

    @ParameterizedTest
    @CsvSource({"covenant.github.app-id,COVENANT_GITHUB_APP_ID",
            "covenant.github.app-private-key,COVENANT_GITHUB_APP_PRIVATE_KEY",
            "covenant.github.client-id,COVENANT_GITHUB_CLIENT_ID",
            "covenant.github.client-secret,COVENANT_GITHUB_CLIENT_SECRET",
            "covenant.github.webhook-secret,COVENANT_GITHUB_WEBHOOK_SECRET"})
    void aConfiguredAppIsRefusedAndNamed(String property, String variable) {
        String refusal = DemoRefusal.check("http://localhost:8080", Map.of(property, "x")).orElseThrow();
        assertTrue(refusal.contains(variable + " is set"), refusal);
        assertTrue(refusal.startsWith("Demo mode (COVENANT_DEMO=true) does not start beside a real GitHub App"),
                refusal);
    }

    @org.junit.jupiter.api.Test
    void blankSettingsCountAsUnsetAndSeveralAreAllNamed() {
        assertEquals(Optional.empty(),
                DemoRefusal.check("http://localhost", Map.of("covenant.github.app-id", " ")));
        String refusal = DemoRefusal.check("https://cla.example.org", Map.of("covenant.github.app-id", "1",
                "covenant.github.webhook-secret", "s")).orElseThrow();
        assertTrue(refusal.contains("COVENANT_GITHUB_APP_ID, COVENANT_GITHUB_WEBHOOK_SECRET are set"), refusal);
    }
}
