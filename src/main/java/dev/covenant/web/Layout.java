package dev.covenant.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateGlobal;
import io.quarkus.qute.TemplateInstance;

import dev.covenant.identity.Person;

/**
 * The shell every page shares ({@code templates/web/layout.html}): what it knows of the visitor, and the pages of
 * the shell itself, the error page and the request to sign in. Qute escapes every value.
 */
@CheckedTemplate(basePath = "web")
public class Layout {

    /**
     * What every page knows about the visitor: who is signed in, the token their forms carry, and whether they run
     * this Covenant ({@code COVENANT_ADMINS}), for the link to the administration pages.
     */
    public record Visitor(Person person, String csrf, boolean admin) {

        public static final Visitor ANONYMOUS = new Visitor(null, null);

        public Visitor(Person person, String csrf) {
            this(person, csrf, false);
        }

        public boolean signedIn() {
            return person != null;
        }

        public static Visitor of(Caller caller) {
            return caller.person().map(p -> new Visitor(p, caller.csrfToken().orElse(null), caller.admin()))
                    .orElse(ANONYMOUS);
        }
    }

    /**
     * What is wrong with one field of a form, for the summary above it ({@code web/errorSummary.html}): the field's
     * element id to link to, its label, and the message in words.
     */
    public record Problem(String fieldId, String label, String message) {

        /**
         * The line people read: a message that goes on from the label ("is required") follows it, a sentence of its
         * own ("Please fill this in") comes after a colon.
         */
        public String text() {
            return goesOn() ? label + " " + message : label + ": " + message;
        }

        /** Whether the message goes on from the label ("is required") rather than being a sentence of its own. */
        public boolean goesOn() {
            return !message.isEmpty() && Character.isLowerCase(message.charAt(0));
        }
    }

    private static volatile boolean demo;

    /** Whether every page says "Demo" ({@code COVENANT_DEMO}); set at each start by {@code dev.covenant.demo}. */
    @TemplateGlobal(name = "demoMode")
    static boolean demoMode() {
        return demo;
    }

    public static void demo(boolean on) {
        demo = on;
    }

    public static native TemplateInstance error(Visitor visitor, String title, String message);

    /** A page only a signed-in person may see; {@code next} is where sign-in comes back to. */
    static native TemplateInstance signIn(Visitor visitor, String message, String next);

    /** A page as a response, with its status. */
    public static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .build();
    }

    /** A local path and query as sign-in's {@code next}, encoded but for its slashes. */
    static String next(String pathAndQuery) {
        return URLEncoder.encode(pathAndQuery, StandardCharsets.UTF_8).replace("+", "%20").replace("%2F", "/");
    }
}
