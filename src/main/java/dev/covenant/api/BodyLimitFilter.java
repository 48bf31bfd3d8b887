package dev.covenant.api;

import java.util.List;
import java.util.OptionalLong;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Request body caps by path, checked against {@code Content-Length} before the body is read. The HTTP layer's own
 * cap ({@code quarkus.http.limits.max-body-size}) is as high as the largest of these; this filter holds each path to
 * its own:
 * <ul>
 * <li>paths a capability declares ({@link LargeBodies}): their own cap, such as the webhook endpoint's 25 MiB (GitHub's largest payload) or the history upload's
 * {@code covenant.relicensing.max-upload} (2 GiB by default), a repository's whole {@code git log}, streamed to disk.
 * A chunked upload, without a length, is allowed there alone and counted as it arrives;</li>
 * <li>everything else (the API, forms): 1 MiB.</li>
 * </ul>
 * Elsewhere a body must declare its length, so no request is buffered past its cap.
 */
public class BodyLimitFilter {

    static final long LIMIT = 1024 * 1024;
    private final List<LargeBodies> large;

    BodyLimitFilter(Instance<LargeBodies> large) {
        // Resolved once: this runs for every request, webhooks included.
        this.large = large.stream().toList();
    }

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        OptionalLong declared = large.stream().map(b -> b.limit(request.getMethod(), path))
                .filter(OptionalLong::isPresent).findFirst().orElse(OptionalLong.empty());
        long limit = declared.orElse(LIMIT);
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) <= limit) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return Problem.of(400, "Bad Request", "Content-Length is not a number").toResponse();
            }
            return tooLarge(limit);
        }
        if (request.getHeaderString("Transfer-Encoding") != null && declared.isEmpty()) {
            return Problem.of(411, "Length Required", "Send a Content-Length with request bodies").toResponse();
        }
        return null;
    }

    /** The answer to a body over its cap, naming the cap. */
    public static Response tooLarge(long limit) {
        return Problem.of(413, "Content Too Large", "The request body is larger than " + size(limit)).toResponse();
    }

    /** A size as people say it: "25 MiB", "2 GiB", or bytes. */
    public static String size(long bytes) {
        if (bytes % (1L << 30) == 0) {
            return bytes / (1L << 30) + " GiB";
        }
        return bytes % (1L << 20) == 0 ? bytes / (1L << 20) + " MiB" : bytes + " bytes";
    }
}
