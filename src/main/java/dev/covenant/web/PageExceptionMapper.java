package dev.covenant.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.AuthenticationFailedException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.covenant.api.Problem;

/** A page failure becomes a page, with the status it deserves and nothing of the server's internals. */
public class PageExceptionMapper {

    private final Caller caller;

    PageExceptionMapper(Caller caller) {
        this.caller = caller;
    }

    @ServerExceptionMapper
    public Response page(PageException e, UriInfo uri) {
        if (Refusals.api(uri)) {
            return Problem.of(e.status(), e.title(), e.getMessage()).toResponse();
        }
        return Layout.html(e.status(), Layout.error(visitor(), e.title(), e.getMessage()));
    }

    private Layout.Visitor visitor() {
        try {
            return Layout.Visitor.of(caller);
        } catch (AuthenticationFailedException e) {
            return Layout.Visitor.ANONYMOUS;
        }
    }
}
