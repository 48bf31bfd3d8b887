package dev.covenant.demo;

import java.util.regex.Pattern;

import io.quarkus.qute.TemplateExtension;

/** How the demo pages show what the service wrote to GitHub. */
final class DemoTexts {

    private static final Pattern HTML_COMMENT = Pattern.compile("<!--.*?-->", Pattern.DOTALL);

    private DemoTexts() {
    }

    /**
     * The Markdown without its HTML comments, which GitHub does not show (the service marks its comment with one);
     * the Markdown helper escapes all other HTML.
     */
    @TemplateExtension
    static String withoutComments(String markdown) {
        return HTML_COMMENT.matcher(markdown).replaceAll("").strip();
    }
}
