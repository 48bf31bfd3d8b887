package dev.covenant.web;

import java.util.Optional;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.covenant.signing.SigningPages;

/** A page failure becomes a page, with the status it deserves and nothing of the server's internals. */
public class PageExceptionMapper {

    private final WebSessions sessions;

    PageExceptionMapper(WebSessions sessions) {
        this.sessions = sessions;
    }

    @ServerExceptionMapper
    public Response page(PageException e, HttpHeaders headers, jakarta.ws.rs.core.UriInfo uri) {
        if (uri.getPath().startsWith("/api/")) {
            return dev.covenant.api.Problem.of(e.status(), e.title(), e.getMessage()).toResponse();
        }
        var cookie = headers.getCookies().get(WebSessions.COOKIE);
        Optional<WebSessions.SignedIn> session = cookie == null ? Optional.empty() : sessions.find(cookie.getValue());
        String html = SigningPages.error(SigningPages.Visitor.of(session), e.title(), e.getMessage()).render();
        return Response.status(e.status()).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }
}
