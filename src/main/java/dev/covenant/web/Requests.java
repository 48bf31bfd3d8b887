package dev.covenant.web;

import java.net.URI;
import java.util.regex.Pattern;

import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

/** Small request and response helpers shared by the pages. */
public final class Requests {

    private static final Pattern LOCAL_PATH = Pattern.compile("/[A-Za-z0-9/_.~%?=&-]{0,300}");
    private static final Pattern REPO = Pattern.compile("[A-Za-z0-9-]{1,39}/[A-Za-z0-9._-]{1,100}");

    private Requests() {
    }

    /** Only paths on this site, so a crafted link cannot send a signed-in person elsewhere. */
    static String safeNext(String next) {
        if (next == null || !LOCAL_PATH.matcher(next).matches() || next.startsWith("//")) {
            return "/me";
        }
        return next;
    }

    public static String safeRepo(String repo) {
        return repo != null && REPO.matcher(repo).matches() ? repo : null;
    }

    public static Response seeOther(String path) {
        return Response.seeOther(URI.create(path)).build();
    }

    static NewCookie cookie(String name, String value, String path, int maxAgeSeconds, boolean secure) {
        return new NewCookie.Builder(name).value(value).path(path).maxAge(maxAgeSeconds).httpOnly(true).secure(secure)
                .sameSite(NewCookie.SameSite.LAX).build();
    }
}
