package dev.covenant.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class CheckOutputLimitTest {

    @Test
    void aShortTextIsKeptAsItIs() {
        assertEquals("| a | ✅ |", CheckPublisher.clip("| a | ✅ |"));
    }

    @Test
    void aLongTextIsCutToGitHubsByteLimitWithoutSplittingACharacter() {
        String text = "✅".repeat(30_000); // 3 bytes each: 90,000 bytes
        String clipped = CheckPublisher.clip(text);
        assertTrue(clipped.getBytes(StandardCharsets.UTF_8).length <= CheckPublisher.OUTPUT_LIMIT);
        assertTrue(clipped.endsWith("(cut at GitHub's limit)"));
        assertTrue(clipped.startsWith("✅✅"));
        assertEquals(-1, clipped.indexOf('\uFFFD'));
    }
}
