package dev.covenant.signing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class MarkdownTest {

    @Test
    void githubTablesRenderAsTablesWithTheirCellsEscaped() {
        String html = Markdown.toHtml("""
                | Contributor | Status |
                |---|---|
                | @alice | <script>alert(1)</script> not covered |
                """);
        assertTrue(html.contains("<table>") && html.contains("<th>Contributor</th>"), html);
        assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt; not covered"), html);
        assertFalse(html.contains("<script>"), html);
    }

    @Test
    void rawHtmlAndScriptLinksStayInert() {
        String html = Markdown.toHtml("<img src=x onerror=alert(1)> [click](javascript:alert(1))");
        assertFalse(html.contains("<img"), html);
        assertFalse(html.contains("javascript:"), html);
    }
}
