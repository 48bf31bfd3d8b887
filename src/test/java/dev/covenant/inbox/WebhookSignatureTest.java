package dev.covenant.inbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookSignatureTest {

    // GitHub's published example ("Validating webhook deliveries").
    static final String SECRET = "It's a Secret to Everybody";
    static final byte[] BODY = "Hello, World!".getBytes(StandardCharsets.UTF_8);
    static final String SIGNATURE = "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17";

    @Test
    void githubsPublishedExampleVerifies() {
        assertTrue(WebhookSignature.isValid(SECRET, BODY, SIGNATURE));
        assertEquals(SIGNATURE, WebhookSignature.sign(SECRET, BODY));
    }

    @Test
    void aChangedBodyOrSecretFails() {
        assertFalse(WebhookSignature.isValid(SECRET, "Hello, World?".getBytes(StandardCharsets.UTF_8), SIGNATURE));
        assertFalse(WebhookSignature.isValid("another secret", BODY, SIGNATURE));
        assertFalse(WebhookSignature.isValid("", BODY, SIGNATURE));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"sha1=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17", "sha256=",
            "sha256=zz",
            "757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e17",
            "sha256=757107ea0eb2509fc211221cce984b8a37570b6d7586c22c46f4379c8b043e1"})
    void malformedHeadersFail(String header) {
        assertFalse(WebhookSignature.isValid(SECRET, BODY, header));
    }
}
