package dev.covenant.demo;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Response;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import dev.covenant.web.Layout;

/** Outside demo mode, every {@code /demo} page answers 404 as if it did not exist. */
public class DemoGate {

    private final DemoConfig demo;

    DemoGate(DemoConfig demo) {
        this.demo = demo;
    }

    @ServerRequestFilter(preMatching = true)
    public Response gate(ContainerRequestContext request) {
        String path = request.getUriInfo().getPath();
        if (demo.enabled() || !(path.equals("/demo") || path.startsWith("/demo/"))) {
            return null;
        }
        return Layout.html(404, Layout.error(Layout.Visitor.ANONYMOUS, "Not found", "There is no such page."));
    }
}
