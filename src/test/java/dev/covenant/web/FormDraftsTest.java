package dev.covenant.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

import org.junit.jupiter.api.Test;

/** What draft cookies keep, and for which page. Plain JUnit. */
class FormDraftsTest {

    @Test
    void aDraftComesBackForItsOwnPageWithoutTheCsrfToken() {
        Map<String, String> typed = new LinkedHashMap<>();
        typed.put("_csrf", "secret");
        typed.put("name", "Ada & <b>Lovelace</b>=1");
        typed.put("email", "ada@example.org");
        List<String> cookies = FormDrafts.encode("/agreements/individual?repo=acme/widget", typed);
        assertEquals(1, cookies.size());
        assertEquals(Optional.of(Map.of("name", "Ada & <b>Lovelace</b>=1", "email", "ada@example.org")),
                FormDrafts.of(cookies, "/agreements/individual?repo=acme/widget"));
        assertEquals(Optional.empty(), FormDrafts.of(cookies, "/agreements/individual"), "another page");
    }

    @Test
    void anAgreementsWholeTextIsKeptOverAFewCookiesEachUnderFourKilobytes() throws Exception {
        String text = Files.readString(Path.of("templates/agreements/individual.md"));
        Map<String, String> typed = Map.of("text", text, "version", "2.0.0", "bump", "MAJOR");
        List<String> cookies = FormDrafts.encode("/admin/agreements/individual/publish", typed);
        assertTrue(!cookies.isEmpty() && cookies.size() <= FormDrafts.MAX_CHUNKS, "cookies: " + cookies.size());
        cookies.forEach(c -> assertTrue(c.length() <= FormDrafts.CHUNK, "length " + c.length()));
        assertEquals(Optional.of(typed), FormDrafts.of(cookies, "/admin/agreements/individual/publish"));
        assertEquals(Optional.empty(), FormDrafts.of(cookies.subList(0, cookies.size() - 1),
                "/admin/agreements/individual/publish"), "a draft cut short is no draft");
    }

    @Test
    void noDraftWhenTooLargeOrUnreadable() {
        // Random letters do not compress: far more than four cookies hold.
        Random random = new Random(7);
        StringBuilder noise = new StringBuilder();
        for (int i = 0; i < 20_000; i++) {
            noise.append((char) ('a' + random.nextInt(26)));
        }
        assertTrue(FormDrafts.encode("/agreements/individual", Map.of("text", noise.toString())).isEmpty());
        assertEquals(Optional.empty(), FormDrafts.of(List.of("not base64 !"), "/agreements/individual"));
        assertEquals(Optional.empty(), FormDrafts.of(List.of("AAAA"), "/agreements/individual"));
        assertEquals(Optional.empty(), FormDrafts.of(List.of(), "/agreements/individual"));
    }
}
