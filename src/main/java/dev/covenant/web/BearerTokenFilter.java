package dev.covenant.web;

import java.util.regex.Pattern;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.covenant.api.Problem;

/**
 * Guards the JSON API: every {@code /api} request needs a valid bearer token. The answer to a missing or wrong
 * token is the same, so that it tells nothing about which tokens exist.
 */
public class BearerTokenFilter {

    private static final String PREFIX = "Bearer ";
    private static final String SESSION_PATHS = "/api/corporate/";
    /**
     * A repository's relicensing data (history imports, reports, campaigns), which its maintainers reach with their
     * browser session; every resource under these paths checks the role, and the CSRF token of changes, itself
     * through {@code MaintainerAccess}.
     */
    private static final Pattern MAINTAINER_PATHS = Pattern
            .compile("/api/repos/[^/]+/[^/]+/(history|relicensing|campaigns)(/.*)?");
    private static final String SESSION_COOKIE = "covenant_session";

    private final ApiTokens tokens;

    BearerTokenFilter(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @ServerRequestFilter
    public Response authenticate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (!path.equals("/api") && !path.startsWith("/api/")) {
            return null;
        }
        String header = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        boolean sessionPath = path.startsWith(SESSION_PATHS) || MAINTAINER_PATHS.matcher(path).matches();
        if (header == null && sessionPath && request.getCookies().containsKey(SESSION_COOKIE)) {
            // A signed-in browser: the resource checks the session (and, for changes, its CSRF header) itself.
            return null;
        }
        if (header != null && header.regionMatches(true, 0, PREFIX, 0, PREFIX.length())
                && tokens.isValid(header.substring(PREFIX.length()).trim())) {
            return null;
        }
        return Response
                .fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "A valid bearer token is required").toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"covenant\"").build();
    }
}
