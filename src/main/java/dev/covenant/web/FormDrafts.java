package dev.covenant.web;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import dev.covenant.CovenantConfig;

/**
 * A form sent after its session ended: what was typed is kept in the sender's own browser, in a short-lived cookie
 * for the page the form is on, while they sign in again; that page then shows it filled in once, and forgets it.
 * Nothing is kept on the server. The values are only a suggestion: the form is checked again when it is sent.
 */
@ApplicationScoped
public class FormDrafts {

    public static final String COOKIE = "covenant_draft";
    /** Long enough to sign in again, short enough not to linger. */
    static final int MAX_AGE_SECONDS = 15 * 60;
    /** Well under a browser's 4 KB per cookie; a larger draft is not kept. */
    static final int MAX_BYTES = 3000;
    private static final Set<String> NOT_KEPT = Set.of(Csrf.FIELD);

    private final boolean secure;

    FormDrafts(CovenantConfig config) {
        this.secure = config.publicUrl().startsWith("https://");
    }

    /**
     * The page asking to sign in again, keeping {@code values} for {@code page} (a local path, where sign-in comes
     * back to).
     */
    public Response signInKeeping(String page, Map<String, String> values) {
        Response.ResponseBuilder answer = Response.fromResponse(Layout.html(401, Layout.signIn(Layout.Visitor.ANONYMOUS,
                "Your session ended before the form was sent. Sign in with GitHub again: what you typed is kept"
                        + " and the form comes back filled in.",
                Layout.next(page))));
        encode(page, values).ifPresent(text -> answer.cookie(cookie(text, MAX_AGE_SECONDS)));
        return answer.build();
    }

    /** The values kept for {@code page}, if the cookie holds a draft of it. */
    public static Optional<Map<String, String>> of(String cookie, String page) {
        if (cookie == null || cookie.isEmpty()) {
            return Optional.empty();
        }
        String text;
        try {
            text = new String(Base64.getUrlDecoder().decode(cookie), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        int newline = text.indexOf('\n');
        if (newline < 0 || !text.substring(0, newline).equals(page)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.substring(newline + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.of(values);
    }

    /** The cookie that forgets the draft, once the page showed it. */
    public NewCookie forget() {
        return cookie("", 0);
    }

    static Optional<String> encode(String page, Map<String, String> values) {
        StringBuilder text = new StringBuilder(page).append('\n');
        values.forEach((name, value) -> {
            if (!NOT_KEPT.contains(name) && value != null) {
                text.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        });
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(text.toString().getBytes(StandardCharsets.UTF_8));
        return encoded.length() <= MAX_BYTES ? Optional.of(encoded) : Optional.empty();
    }

    private NewCookie cookie(String value, int maxAge) {
        return Requests.cookie(COOKIE, value, "/", maxAge, secure);
    }
}
