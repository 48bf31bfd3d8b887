package dev.covenant.web;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import dev.covenant.api.Problem;
import dev.covenant.github.GitHubUnavailableException;

/**
 * A request that needed an answer from GitHub (a maintainer's role, an organisation's members) while GitHub did not
 * give one: 503 with a Retry-After, as a problem or a page, never a 500.
 */
public class GitHubDownMapper {

    private static final Logger LOG = Logger.getLogger(GitHubDownMapper.class);

    @ServerExceptionMapper
    public Response githubDown(GitHubUnavailableException e, UriInfo uri) {
        LOG.warnf("GitHub unavailable: %s", e.getMessage());
        long retryAfter = Math.max(30, e.retryAfterSeconds());
        Response answer = Refusals.api(uri)
                ? Problem.of(503, "Service Unavailable",
                        "GitHub did not answer a question this request depends on; try again shortly").toResponse()
                : Layout.html(503, Layout.error(Layout.Visitor.ANONYMOUS, "GitHub is not answering",
                        "We could not ask GitHub something this page depends on. Please try again in a few minutes."));
        return Response.fromResponse(answer).header("Retry-After", String.valueOf(retryAfter)).build();
    }
}
