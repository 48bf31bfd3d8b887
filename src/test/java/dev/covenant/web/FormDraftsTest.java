package dev.covenant.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** What a draft cookie keeps, and for which page. Plain JUnit. */
class FormDraftsTest {

    @Test
    void aDraftComesBackForItsOwnPageWithoutTheCsrfToken() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("_csrf", "secret");
        typed.put("name", "Ada & <b>Lovelace</b>=1");
        typed.put("email", "ada@example.org");
        String cookie = FormDrafts.encode("/agreements/individual?repo=acme/widget", typed).orElseThrow();
        assertEquals(Optional.of(Map.of("name", "Ada & <b>Lovelace</b>=1", "email", "ada@example.org")),
                FormDrafts.of(cookie, "/agreements/individual?repo=acme/widget"));
        assertEquals(Optional.empty(), FormDrafts.of(cookie, "/agreements/individual"), "another page");
    }

    @Test
    void noDraftWhenTooLargeOrUnreadable() {
        assertTrue(FormDrafts.encode("/agreements/individual", Map.of("text", "x".repeat(5000))).isEmpty());
        assertEquals(Optional.empty(), FormDrafts.of("not base64 !", "/agreements/individual"));
        assertEquals(Optional.empty(), FormDrafts.of(null, "/agreements/individual"));
    }
}
