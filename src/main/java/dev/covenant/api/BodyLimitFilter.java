package dev.covenant.api;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The HTTP layer accepts bodies up to 25 MiB because GitHub's webhook payloads can be that large; everything else
 * (API and forms) is limited to 1 MiB here, before the body is read.
 */
public class BodyLimitFilter {

    static final long LIMIT = 1024 * 1024;
    private static final String WEBHOOK = "/github/webhook";

    @ServerRequestFilter(preMatching = true)
    public Response limit(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().equals(WEBHOOK)) {
            return null;
        }
        String length = request.getHeaderString(HttpHeaders.CONTENT_LENGTH);
        if (length != null) {
            try {
                if (Long.parseLong(length.trim()) <= LIMIT) {
                    return null;
                }
            } catch (NumberFormatException e) {
                return Problem.of(400, "Bad Request", "Content-Length is not a number").toResponse();
            }
            return Problem.of(413, "Content Too Large", "The request body is larger than 1 MiB").toResponse();
        }
        if (request.getHeaderString("Transfer-Encoding") != null) {
            return Problem.of(411, "Length Required", "Send a Content-Length with request bodies").toResponse();
        }
        return null;
    }
}
