package dev.covenant.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.ws.rs.core.NewCookie;

import dev.covenant.web.Caller;

/**
 * The CSRF token of the demo's forms. A signed-in visitor's forms carry the session's token, which the service's
 * CSRF filter checks; a visitor without a session (the sign-in form itself) gets a random token in a cookie that
 * the form must send back equal (double submit).
 */
final class DemoForms {

    static final String COOKIE = "covenant_demo_form";
    private static final SecureRandom RANDOM = new SecureRandom();

    private DemoForms() {
    }

    /** The token a page's form carries: the session's, or the anonymous cookie's (a new one if absent). */
    static String token(Caller caller, String cookie) {
        return caller.csrfToken().orElseGet(() -> cookie != null && cookie.matches("[0-9a-f]{32}") ? cookie : fresh());
    }

    /** Whether a submitted form may be taken: a session's token was checked already, else the cookie must match. */
    static boolean accepted(Caller caller, String cookie, String submitted) {
        if (caller.csrfToken().isPresent()) {
            return true;
        }
        return cookie != null && submitted != null && cookie.matches("[0-9a-f]{32}") && MessageDigest.isEqual(
                cookie.getBytes(StandardCharsets.UTF_8), submitted.getBytes(StandardCharsets.UTF_8));
    }

    /** The cookie that goes with an anonymous token; null for a session's. */
    static NewCookie cookie(Caller caller, String token, boolean secure) {
        if (caller.csrfToken().isPresent()) {
            return null;
        }
        return new NewCookie.Builder(COOKIE).value(token).path("/demo").maxAge(3600).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }

    private static String fresh() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
