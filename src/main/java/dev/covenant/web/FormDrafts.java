package dev.covenant.web;

import java.io.ByteArrayOutputStream;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;

import dev.covenant.CovenantConfig;

/**
 * A form sent after its session ended: what was typed is kept in the sender's own browser, in short-lived cookies
 * for the page the form is on, while they sign in again; that page then shows it filled in once, and forgets it.
 * Nothing is kept on the server. The values are only a suggestion: the form is checked again when it is sent. A
 * draft is compressed and, when one cookie cannot hold it (an agreement's text), spread over a few.
 */
@ApplicationScoped
public class FormDrafts {

    public static final String COOKIE = "covenant_draft";
    /** Long enough to sign in again, short enough not to linger. */
    static final int MAX_AGE_SECONDS = 15 * 60;
    /** Well under a browser's 4 KB per cookie. */
    static final int CHUNK = 3000;
    /** At most this many cookies (12 KB of headers, under the server's limit); a larger draft is not kept. */
    static final int MAX_CHUNKS = 4;
    /** What a draft may inflate to, so that a forged cookie cannot make the server inflate without end. */
    private static final int MAX_TEXT_BYTES = 64 * 1024;
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
        List<String> chunks = encode(page, values);
        for (int i = 0; i < MAX_CHUNKS; i++) {
            answer.cookie(i < chunks.size() ? cookie(i, chunks.get(i), MAX_AGE_SECONDS) : cookie(i, "", 0));
        }
        return answer.build();
    }

    /** The same, for a form as it was sent: the first value of each field. */
    public Response signInKeeping(String page, MultivaluedMap<String, String> form) {
        return signInKeeping(page, firstValues(form));
    }

    /** The first value of each field of a form as it was sent, an empty text for a field sent empty. */
    public static Map<String, String> firstValues(MultivaluedMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        form.forEach((name, sent) -> values.put(name, sent == null || sent.isEmpty() ? "" : sent.get(0)));
        return values;
    }

    /** A page that showed a kept draft, with the cookies that forget it; the page as it is when none was kept. */
    public Response shown(Response page, boolean keptDraft) {
        if (!keptDraft) {
            return page;
        }
        Response.ResponseBuilder answer = Response.fromResponse(page);
        for (int i = 0; i < MAX_CHUNKS; i++) {
            answer.cookie(cookie(i, "", 0));
        }
        return answer.build();
    }

    /** The values kept for {@code page}, if the request's cookies hold a draft of it. */
    public static Optional<Map<String, String>> of(HttpHeaders headers, String page) {
        Map<String, Cookie> cookies = headers.getCookies();
        List<String> chunks = new ArrayList<>();
        for (int i = 0; i < MAX_CHUNKS && cookies.containsKey(name(i)); i++) {
            chunks.add(cookies.get(name(i)).getValue());
        }
        return of(chunks, page);
    }

    static Optional<Map<String, String>> of(List<String> chunks, String page) {
        Optional<String> text = decode(String.join("", chunks));
        int newline = text.map(t -> t.indexOf('\n')).orElse(-1);
        if (newline < 0 || !text.get().substring(0, newline).equals(page)) {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String pair : text.get().substring(newline + 1).split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return Optional.of(values);
    }

    /** The draft as the cookies' values, in order; none when it would need more than {@link #MAX_CHUNKS}. */
    static List<String> encode(String page, Map<String, String> values) {
        StringBuilder text = new StringBuilder(page).append('\n');
        values.forEach((name, value) -> {
            if (!NOT_KEPT.contains(name) && value != null) {
                text.append(URLEncoder.encode(name, StandardCharsets.UTF_8)).append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8)).append('&');
            }
        });
        String encoded = Base64.getUrlEncoder().withoutPadding()
                .encodeToString(deflate(text.toString().getBytes(StandardCharsets.UTF_8)));
        List<String> chunks = new ArrayList<>();
        for (int from = 0; from < encoded.length(); from += CHUNK) {
            chunks.add(encoded.substring(from, Math.min(encoded.length(), from + CHUNK)));
        }
        return chunks.size() <= MAX_CHUNKS ? chunks : List.of();
    }

    private static Optional<String> decode(String encoded) {
        if (encoded.isEmpty()) {
            return Optional.empty();
        }
        Inflater inflater = new Inflater();
        try {
            inflater.setInput(Base64.getUrlDecoder().decode(encoded));
            ByteArrayOutputStream text = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!inflater.finished()) {
                int n = inflater.inflate(buffer);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())
                        || text.size() + n > MAX_TEXT_BYTES) {
                    return Optional.empty();
                }
                text.write(buffer, 0, n);
            }
            return Optional.of(text.toString(StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | DataFormatException e) {
            // Not a draft this service wrote (cut short, or altered): there is nothing to show.
            return Optional.empty();
        } finally {
            inflater.end();
        }
    }

    private static byte[] deflate(byte[] bytes) {
        Deflater deflater = new Deflater(Deflater.BEST_COMPRESSION);
        try {
            deflater.setInput(bytes);
            deflater.finish();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            byte[] buffer = new byte[4096];
            while (!deflater.finished()) {
                out.write(buffer, 0, deflater.deflate(buffer));
            }
            return out.toByteArray();
        } finally {
            deflater.end();
        }
    }

    private static String name(int chunk) {
        return chunk == 0 ? COOKIE : COOKIE + "_" + chunk;
    }

    private NewCookie cookie(int chunk, String value, int maxAge) {
        return Requests.cookie(name(chunk), value, "/", maxAge, secure);
    }
}
