package dev.covenant.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * Every state-changing form carries the session's token; a request without it, or with another, changes nothing.
 * The session cookie is also SameSite=Lax, but the token is what actually ties a form post to a page we served.
 */
public final class Csrf {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private Csrf() {
    }

    /** The signed-in person if the token matches their session; otherwise a 403. */
    public static WebSessions.SignedIn require(Optional<WebSessions.SignedIn> session, String submitted) {
        if (session.isEmpty()) {
            throw PageException.forbidden("You are not signed in, or your session has ended. Sign in and try again.");
        }
        if (!matches(session.get(), submitted)) {
            throw PageException
                    .forbidden("This form has expired or did not come from this site. Reload the page and try again.");
        }
        return session.get();
    }

    /** Whether {@code submitted} is the session's token, compared in constant time. */
    public static boolean matches(WebSessions.SignedIn session, String submitted) {
        return submitted != null && MessageDigest.isEqual(submitted.getBytes(StandardCharsets.UTF_8),
                session.csrfToken().getBytes(StandardCharsets.UTF_8));
    }
}
