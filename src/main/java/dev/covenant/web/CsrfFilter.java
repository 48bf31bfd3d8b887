package dev.covenant.web;

import java.util.Set;

import jakarta.ws.rs.core.Response;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.WithFormRead;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.jboss.resteasy.reactive.server.spi.ResteasyReactiveContainerRequestContext;

import dev.covenant.api.Problem;
import dev.covenant.identity.Person;

/**
 * Refuses a change (POST, PUT, PATCH, DELETE) authenticated by a browser session unless it carries the session's
 * token ({@link Csrf}): 403, as a problem for the JSON API and as a page for forms. It runs for every resource, so no
 * resource checks the token itself.
 */
public class CsrfFilter {

    private static final Set<String> SAFE = Set.of("GET", "HEAD", "OPTIONS");

    private final CurrentIdentityAssociation identities;

    CsrfFilter(CurrentIdentityAssociation identities) {
        this.identities = identities;
    }

    @ServerRequestFilter
    @WithFormRead
    public Uni<Response> check(ResteasyReactiveContainerRequestContext request) {
        if (SAFE.contains(request.getMethod())) {
            return Uni.createFrom().nullItem();
        }
        String header = request.getHeaderString(Csrf.HEADER);
        String submitted = header != null ? header : formField(request);
        boolean api = Refusals.api(request.getUriInfo());
        return identities.getDeferredIdentity().map(identity -> {
            String expected = identity.getAttribute(Csrf.ATTRIBUTE);
            if (expected == null || Csrf.matches(expected, submitted)) {
                return null;
            }
            return api
                    ? Problem.of(Response.Status.FORBIDDEN, "A change from a browser session needs the session's"
                            + " token in " + Csrf.HEADER).toResponse()
                    : page(identity, expected);
        });
    }

    private static String formField(ResteasyReactiveContainerRequestContext request) {
        Object value = ((ResteasyReactiveRequestContext) request.getServerRequestContext())
                .getFormParameter(Csrf.FIELD, true, false);
        return value instanceof String text ? text : null;
    }

    private static Response page(SecurityIdentity identity, String csrf) {
        Person person = identity.getAttribute(Caller.PERSON);
        return Layout.html(403, Layout.error(new Layout.Visitor(person, csrf), "Not allowed",
                "This form has expired or did not come from this site. Reload the page and try again."));
    }
}
