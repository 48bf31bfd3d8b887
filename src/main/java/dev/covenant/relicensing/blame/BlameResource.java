package dev.covenant.relicensing.blame;

import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.PermissionsAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.jobs.JobFailedException;
import dev.covenant.jobs.JobRunner;
import dev.covenant.project.RepositoryName;
import dev.covenant.relicensing.history.BareClone;
import dev.covenant.relicensing.history.CloneUrl;
import dev.covenant.relicensing.history.RelicensingConfig;
import dev.covenant.web.Roles;

/**
 * Blame jobs (who still owns the lines at a revision) of a repository, for admin tokens and its maintainers
 * ({@link Roles#MAINTAINER}). The answer is 202 with the job and its {@code Location}, where its progress shows;
 * with {@code ?wait=true} the job runs before the answer: 200 with the finished job, or 400 naming
 * {@code cloneUrl} or {@code revision} when the clone or the revision was at fault.
 */
@Path("/api/repos/{owner}/{repo}/relicensing/blame")
@SecurityRequirement(name = "bearer")
@PermissionsAllowed(Roles.MAINTAINER)
@Produces(MediaType.APPLICATION_JSON)
public class BlameResource {

    /** A blame request's body; {@code revision} is HEAD when absent. */
    public record BlameRequest(String cloneUrl, String revision) {
    }

    private final SurvivingLinesJobs blames;
    private final JobRunner runner;
    private final BlameJobs jobs;
    private final RelicensingConfig config;

    BlameResource(SurvivingLinesJobs blames, JobRunner runner, BlameJobs jobs, RelicensingConfig config) {
        this.blames = blames;
        this.runner = runner;
        this.jobs = jobs;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Clone a repository ({\"cloneUrl\": ..., \"revision\": ...}) and count the lines each person"
            + " still owns at the revision (default HEAD)")
    public Response start(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @QueryParam("wait") boolean wait, BlameRequest request) {
        String repository = RepositoryName.of(owner, repo);
        CloneUrl url = CloneUrl.parse(request == null ? null : request.cloneUrl(),
                config.localCloneRoots().orElse(List.of()));
        String revision = BlameRevision.parse(request == null ? null : request.revision());
        BlameJobs.Created created = blames.start(repository, url, revision, wait);
        if (wait) {
            try {
                runner.runHere(created.job());
            } catch (JobFailedException e) {
                if (e.getCause() instanceof BareClone.CloneFailedException) {
                    throw InvalidInputException.of(CloneUrl.FIELD, e.reason() + " (blame " + created.id() + ")");
                }
                if (e.getCause() instanceof BlameRevision.UnknownRevisionException) {
                    throw InvalidInputException.of(BlameRevision.FIELD, e.reason() + " (blame " + created.id() + ")");
                }
                throw e.getCause();
            }
        }
        BlameJob job = jobs.find(repository, created.id()).orElseThrow();
        return Response.status(wait ? 200 : 202).header("Location", job.location()).entity(job).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One blame job: state, phase, progress (files done/total, rate, ETA) and any error")
    public BlameJob job(@PathParam("owner") String owner, @PathParam("repo") String repo, @PathParam("id") long id) {
        String repository = RepositoryName.of(owner, repo);
        return jobs.find(repository, id).orElseThrow(() -> new NotFoundProblem("No blame job " + id + " of "
                + repository));
    }

    @GET
    @Operation(summary = "The repository's latest blame jobs, newest first")
    public List<BlameJob> list(@PathParam("owner") String owner, @PathParam("repo") String repo) {
        return jobs.recent(RepositoryName.of(owner, repo), 20);
    }
}
