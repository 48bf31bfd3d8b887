package dev.covenant.checks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class MarkdownEscapingTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"[click](https://evil.example)", "![x](https://evil.example/x.png)",
            "<img src=x onerror=alert(1)>",
            "a | b | c", "**bold** _it_ `code`", "# heading", "Name\n\n| injected | row |"})
    void markupFromCommitsIsEscaped(String hostile) {
        String escaped = CheckTexts.md(hostile);
        // Every markup character is preceded by a backslash, and nothing breaks the line or the table.
        for (int i = 0; i < escaped.length(); i++) {
            char c = escaped.charAt(i);
            if ("[]()!<>|*_`#".indexOf(c) >= 0) {
                assertEquals('\\', escaped.charAt(i - 1), "unescaped " + c + " in " + escaped);
            }
        }
        assertFalse(escaped.contains("\n"), escaped);
        // Nothing is dropped: without the backslashes it reads as typed (line breaks as spaces). This also makes the
        // loop above meet every markup character of the input.
        assertEquals(hostile.replaceAll("[\r\n\t]", " "), escaped.replaceAll("\\\\(.)", "$1"));
    }

    @Test
    void aMentionInANameDoesNotNotifyAnyone() {
        assertEquals("@\u2060everyone", CheckTexts.md("@everyone"));
    }

    @Test
    void addressesBecomeInlineCodeThatBackticksCannotEnd() {
        assertEquals("`` eve@example.org ``", CheckTexts.code("eve@example.org"));
        assertEquals("`` evilexample.org ``", CheckTexts.code("evil`\nexample.org"));
    }
}
