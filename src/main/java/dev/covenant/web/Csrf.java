package dev.covenant.web;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * A change made with a browser session must carry the session's token, which only our own pages know: as the form
 * field {@value #FIELD} from a page, as the header {@value #HEADER} from a script. The session cookie is also
 * SameSite=Lax, but the token is what ties a change to a page we served. {@link CsrfFilter} checks it, for every
 * resource; a bearer-token call has no session and needs none.
 */
public final class Csrf {

    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";
    /** The identity attribute holding the session's token. */
    static final String ATTRIBUTE = "covenant.csrf";

    private Csrf() {
    }

    /** Whether {@code submitted} is the session's token, compared in constant time. */
    static boolean matches(String expected, String submitted) {
        return submitted != null && MessageDigest.isEqual(submitted.getBytes(StandardCharsets.UTF_8),
                expected.getBytes(StandardCharsets.UTF_8));
    }
}
