package dev.covenant.web;

import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.PermissionsAllowed;
import io.quarkus.security.UnauthorizedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.covenant.api.Problem;

/**
 * The answers to a refused call, in one place. The JSON API answers 401 (with {@code WWW-Authenticate}) or 403 as
 * {@code application/problem+json}; a page answers with a page: 401 asks to sign in (or, on a
 * {@link RedirectToSignIn} page, sends there), 403 says who may. What the endpoint required, as its annotations
 * declare, words the answer.
 */
public class Refusals {

    private static final String TOKEN_REQUIRED = "A valid bearer token is required";

    private final Caller caller;

    Refusals(Caller caller) {
        this.caller = caller;
    }

    /** A wrong bearer token, or an {@code Authorization} that is not one: the same answer as no token at all. */
    @ServerExceptionMapper
    public Response badCredentials(AuthenticationFailedException e, UriInfo uri, Request request) {
        if (api(uri)) {
            return unauthorized(TOKEN_REQUIRED);
        }
        return Layout.html(401, Layout.signIn(Layout.Visitor.ANONYMOUS,
                "This Covenant did not accept the credentials your browser sent. Sign in with GitHub instead.",
                next(uri, request)));
    }

    /** Nobody is signed in, and the endpoint needs someone. */
    @ServerExceptionMapper
    public Response anonymous(UnauthorizedException e, UriInfo uri, Request request, ResourceInfo resource) {
        Requirement required = Requirement.of(resource);
        if (api(uri)) {
            return unauthorized(switch (required) {
                case ADMIN -> TOKEN_REQUIRED;
                case PERSON -> "Sign in with GitHub";
                default -> "Sign in with GitHub, or send a bearer token";
            });
        }
        if (HttpMethod.GET.equals(request.getMethod()) && resource.getResourceMethod() != null
                && resource.getResourceMethod().isAnnotationPresent(RedirectToSignIn.class)) {
            return Response.seeOther(java.net.URI.create("/login?next=" + next(uri, request))).build();
        }
        return Layout.html(401, Layout.signIn(Layout.Visitor.ANONYMOUS, required == Requirement.MAINTAINER
                ? "This page is for the repository's maintainers."
                : "Sign in with GitHub to continue.", next(uri, request)));
    }

    /** Someone is signed in, or holds a token, that the endpoint is not for. */
    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri, ResourceInfo resource) {
        Requirement required = Requirement.of(resource);
        if (api(uri)) {
            return Problem.of(Response.Status.FORBIDDEN, required.apiDetail).toResponse();
        }
        var path = uri.getPathParameters();
        String message = required == Requirement.MAINTAINER && path.containsKey("owner") && path.containsKey("repo")
                ? "Only the maintainers of " + path.getFirst("owner") + "/" + path.getFirst("repo")
                        + " (GitHub admin or maintain role) may do this."
                : required.pageDetail;
        return Layout.html(403, Layout.error(Layout.Visitor.of(caller), "Not allowed", message));
    }

    static boolean api(UriInfo uri) {
        String path = uri.getPath();
        return path.equals("/api") || path.startsWith("/api/");
    }

    private static Response unauthorized(String detail) {
        return Response.fromResponse(Problem.of(Response.Status.UNAUTHORIZED, detail).toResponse())
                .header(HttpHeaders.WWW_AUTHENTICATE, CovenantAuthentication.CHALLENGE).build();
    }

    /** Where sign-in comes back to: this page, when it can be fetched again. */
    private static String next(UriInfo uri, Request request) {
        if (!HttpMethod.GET.equals(request.getMethod())) {
            return "/me";
        }
        String query = uri.getRequestUri().getRawQuery();
        return Layout.next(uri.getPath() + (query == null ? "" : "?" + query));
    }

    /** What an endpoint requires, read from its annotations (the method's first, then its class's). */
    enum Requirement {
        ADMIN("Only an admin token may do this", "Only the people who run this Covenant may do this."), MAINTAINER(
                "Only the repository's maintainers (GitHub admin or maintain role) may do this",
                "Only the repository's maintainers (GitHub admin or maintain role) may do this."), PERSON(
                        "Only a person signed in with GitHub may do this",
                        "This page is for people signed in with GitHub."), OTHER("Not allowed", "You may not do this.");

        final String apiDetail;
        final String pageDetail;

        Requirement(String apiDetail, String pageDetail) {
            this.apiDetail = apiDetail;
            this.pageDetail = pageDetail;
        }

        static Requirement of(ResourceInfo resource) {
            Method method = resource == null ? null : resource.getResourceMethod();
            if (method == null) {
                return OTHER;
            }
            for (AnnotatedElement element : List.of(method, resource.getResourceClass())) {
                PermissionsAllowed permissions = element.getAnnotation(PermissionsAllowed.class);
                if (permissions != null && Arrays.asList(permissions.value()).contains(Roles.MAINTAINER)) {
                    return MAINTAINER;
                }
                RolesAllowed roles = element.getAnnotation(RolesAllowed.class);
                if (roles != null) {
                    List<String> names = Arrays.asList(roles.value());
                    return names.contains(Roles.PERSON) ? PERSON : names.contains(Roles.ADMIN) ? ADMIN : OTHER;
                }
            }
            return OTHER;
        }
    }
}
