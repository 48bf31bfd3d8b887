package dev.covenant.github;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
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
        int bytes = clipped.getBytes(StandardCharsets.UTF_8).length;
        assertTrue(bytes <= CheckPublisher.OUTPUT_LIMIT, bytes + " bytes");
        // Cut at the limit, not far below it: only part of one three-byte character does not fit.
        assertTrue(bytes > CheckPublisher.OUTPUT_LIMIT - 3, bytes + " bytes");
        assertThat(clipped, endsWith("(cut at GitHub's limit)"));
        assertThat(clipped, startsWith("✅✅"));
        assertEquals(-1, clipped.indexOf('\uFFFD'));
    }
}
