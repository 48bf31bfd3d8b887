package dev.covenant.api;

import java.util.List;
import java.util.Map;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * Values no resource can use, refused before any resource sees them: a NUL character (which PostgreSQL text cannot
 * hold) in the path, a query value or a header, and a path segment or query value longer than anything the service
 * names (GitHub's own names stop at 100 characters). The answer is a 400 naming the part that is wrong.
 */
public class UnsafeValuesFilter {

    static final int MAX_SEGMENT = 500;
    static final int MAX_QUERY_VALUE = 2000;

    @ServerRequestFilter(preMatching = true)
    public Response check(ContainerRequestContext request) {
        for (PathSegment segment : request.getUriInfo().getPathSegments(true)) {
            String wrong = wrong(segment.getPath(), MAX_SEGMENT);
            if (wrong != null) {
                return refuse("path", "a path segment " + wrong);
            }
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters(true).entrySet()) {
            String name = parameter.getKey();
            String wrongName = wrong(name, 100);
            if (wrongName != null) {
                return refuse("query", "a parameter name " + wrongName);
            }
            for (String value : parameter.getValue()) {
                String wrong = wrong(value, MAX_QUERY_VALUE);
                if (wrong != null) {
                    return refuse(name, wrong);
                }
            }
        }
        for (Map.Entry<String, List<String>> header : request.getHeaders().entrySet()) {
            for (String value : header.getValue()) {
                if (value != null && value.indexOf('\u0000') >= 0) {
                    return refuse(header.getKey(), "holds a NUL character");
                }
            }
        }
        return null;
    }

    private static String wrong(String value, int max) {
        if (value.indexOf('\u0000') >= 0) {
            return "holds a NUL character";
        }
        return value.length() > max ? "is longer than " + max + " characters" : null;
    }

    private static Response refuse(String field, String message) {
        return Problem.invalid(List.of(new FieldError(field, message))).toResponse();
    }
}
