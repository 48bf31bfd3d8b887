package dev.covenant.signing;

import java.util.List;

import io.quarkus.qute.TemplateExtension;
import org.commonmark.Extension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;

/** Agreement texts (and the check texts the demo shows) are markdown, with GitHub's tables; raw HTML in them is escaped and link targets sanitised, never passed through. */
public final class Markdown {

    /** GitHub's tables, which the check's comment and summary use. */
    private static final List<Extension> EXTENSIONS = List.of(TablesExtension.create());
    private static final Parser PARSER = Parser.builder().extensions(EXTENSIONS).build();
    private static final HtmlRenderer RENDERER = HtmlRenderer.builder().extensions(EXTENSIONS).escapeHtml(true)
            .sanitizeUrls(true).build();

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
