package dev.covenant.checks;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.jboss.logging.Logger;

import dev.covenant.api.InvalidInputException;
import dev.covenant.api.Paging;
import dev.covenant.github.GitHubApp;

/** The sweep for missed pull requests as operators see it: its runs with their progress, and a run on demand. */
@Path("/api/sweeps")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed("admin")
public class SweepResource {

    private static final Logger LOG = Logger.getLogger(SweepResource.class);

    private final ReconcileRuns runs;
    private final SweepJob sweeps;
    private final GitHubApp app;

    SweepResource(ReconcileRuns runs, SweepJob sweeps, GitHubApp app) {
        this.runs = runs;
        this.sweeps = sweeps;
        this.app = app;
    }

    @GET
    @Operation(summary = "Recent sweeps, newest first: repositories done of all, open pull requests seen, evaluations queued")
    public List<ReconcileRuns.Run> list(@QueryParam("limit") String limit) {
        return runs.recent(0, (int) Paging.whole("limit", limit, 20, 1, 500));
    }

    @POST
    @Operation(summary = "Queue a sweep now (unless one is queued or running); its progress shows in GET /api/sweeps")
    public Response start() {
        if (!app.configured()) {
            throw InvalidInputException.of("githubApp", "the GitHub App is not configured (COVENANT_GITHUB_APP_ID and "
                    + "COVENANT_GITHUB_APP_PRIVATE_KEY), so there is nothing to sweep");
        }
        sweeps.enqueue("api").ifPresentOrElse(id -> LOG.infof("Sweep job %d queued through the API", id),
                () -> LOG.info("A sweep asked for through the API is already queued or running"));
        return Response.accepted().build();
    }
}
