package dev.covenant.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The inbox's one streaming pass over a payload: the three fields it files a delivery under, or why it cannot. */
class DeliveryFieldsTest {

    private static DeliveryFields read(String json) {
        return DeliveryFields.read(json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aSamplePayloadGivesItsActionInstallationAndRepository() throws IOException {
        DeliveryFields fields = DeliveryFields
                .read(Files.readAllBytes(Path.of("webhooks/payloads/pull_request.opened.json")));
        assertNull(fields.error());
        assertEquals("opened", fields.action());
        assertEquals(4711L, fields.installationId());
        assertEquals("acme/widget", fields.repository());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            // Only top-level fields count: an "action" or "id" deeper down is someone else's.
            "{\"pull_request\":{\"action\":\"x\",\"id\":5},\"action\":\"closed\",\"installation\":{\"account\":{\"id\":9},\"id\":42}}|closed|42|-",
            "{\"repository\":{\"owner\":{\"full_name\":\"no\"},\"full_name\":\"o/r\"},\"zen\":\"Keep it simple\"}|-|-|o/r",
            // Values of the wrong type are left out rather than guessed.
            "{\"action\":7,\"installation\":{\"id\":\"42\"},\"repository\":{\"full_name\":null}}|-|-|-",
            "{\"installation\":{\"id\":123456789012345678901234567890}}|-|-|-",
            "{}|-|-|-"})
    void fieldsAreReadFromTheTopLevelOnly(String json, String action, Long installation, String repository) {
        DeliveryFields fields = read(json);
        assertNull(fields.error(), fields.error());
        assertEquals(action, fields.action());
        assertEquals(installation, fields.installationId());
        assertEquals(repository, fields.repository());
    }

    @ParameterizedTest
    @ValueSource(strings = {"[1,2]", "\"text\"", "{\"action\":\"opened\"", "{\"action\":\"opened\"} {}", "{\"a\":[1,}",
            "not json", ""})
    void anythingButOneJsonObjectIsAnError(String json) {
        DeliveryFields fields = read(json);
        assertTrue(fields.error() != null && fields.error().startsWith("the payload is not"),
                String.valueOf(fields.error()));
    }
}
