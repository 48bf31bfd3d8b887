package dev.covenant.signing;

import io.quarkus.qute.TemplateExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Agreement texts are markdown; raw HTML in them is escaped and link targets sanitised, never passed through. */
public final class Markdown {

    private static final Parser PARSER = Parser.builder().build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private Markdown() {
    }

    public static String toHtml(String markdown) {
        return RENDERER.render(PARSER.parse(markdown));
    }

    /** In templates: {text.markdown.raw}; safe because the renderer escapes every piece of input. */
    @TemplateExtension
    static String markdown(String text) {
        return toHtml(text);
    }
}
