package dev.covenant.api;

import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/**
 * Defence in depth for the web pages, beside Qute's escaping: a Content-Security-Policy that lets a page run only
 * the service's own scripts (no inline script, no other origin), load nothing from elsewhere, post forms only here
 * and never be framed; and no MIME sniffing. Inline styles stay allowed: the layout and the SVG chart use them.
 */
public class PageHeaders {

    static final String POLICY = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
            + " img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    @ServerResponseFilter
    public void secure(ContainerResponseContext response) {
        MediaType type = response.getMediaType();
        if (type != null && type.isCompatible(MediaType.TEXT_HTML_TYPE)) {
            response.getHeaders().putSingle("Content-Security-Policy", POLICY);
            response.getHeaders().putSingle("X-Content-Type-Options", "nosniff");
            response.getHeaders().putSingle("Referrer-Policy", "same-origin");
        }
    }
}
