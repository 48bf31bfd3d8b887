package dev.covenant.inbox;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import dev.covenant.api.Problem;

/** A delivery that arrives while the service stops: 503 with Retry-After, so GitHub (or a retrying proxy) resends. */
@Provider
public class InboxClosedMapper implements ExceptionMapper<InboxClosedException> {

    /** Seconds after which another instance, or this one restarted, takes deliveries again. */
    static final int RETRY_AFTER_SECONDS = 10;

    @Override
    public Response toResponse(InboxClosedException e) {
        return Response.fromResponse(Problem.of(503, "Service Unavailable", e.getMessage()).toResponse())
                .header("Retry-After", RETRY_AFTER_SECONDS).build();
    }
}
