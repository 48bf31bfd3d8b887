package dev.covenant.web;

import java.net.URI;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

import dev.covenant.CovenantConfig;

/**
 * No redirect is built from the {@code Host} the request named: a forged Host header must not send a signed-in person
 * (or a cache) to someone else's site. A redirect to a page of ours that the framework made absolute from the Host
 * is sent as its path, which the browser resolves against the address it used; one already on
 * {@code COVENANT_PUBLIC_URL}, and redirects elsewhere (GitHub's sign-in), are left as they are.
 */
public class PublicLocations {

    private final URI publicUrl;

    PublicLocations(CovenantConfig config) {
        this.publicUrl = URI.create(config.publicUrl().replaceAll("/+$", "") + "/");
    }

    @ServerResponseFilter
    public void rewrite(ContainerRequestContext request, ContainerResponseContext response) {
        Object location = response.getHeaders().getFirst(HttpHeaders.LOCATION);
        if (location == null) {
            return;
        }
        URI target = URI.create(location.toString());
        URI base = request.getUriInfo().getBaseUri();
        boolean ours = !target.isAbsolute() || (sameOrigin(target, base) && !sameOrigin(target, publicUrl));
        if (ours) {
            String path = target.getRawPath() == null || target.getRawPath().isEmpty() ? "/" : target.getRawPath();
            String rest = (target.getRawQuery() == null ? "" : "?" + target.getRawQuery())
                    + (target.getRawFragment() == null ? "" : "#" + target.getRawFragment());
            response.getHeaders().putSingle(HttpHeaders.LOCATION, path + rest);
        }
    }

    private static boolean sameOrigin(URI a, URI b) {
        return a.getScheme() != null && a.getScheme().equalsIgnoreCase(b.getScheme())
                && a.getRawAuthority() != null && a.getRawAuthority().equalsIgnoreCase(b.getRawAuthority());
    }
}
