package dev.covenant.relicensing.history;

import java.io.IOException;
import java.io.InputStream;
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

import dev.covenant.api.BodyLimitFilter;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.api.Problem;
import dev.covenant.jobs.JobFailedException;
import dev.covenant.jobs.JobRunner;
import dev.covenant.project.RepositoryName;
import dev.covenant.web.Roles;

/**
 * History imports of a repository, for admin tokens and the repository's maintainers ({@link Roles#MAINTAINER}). An
 * upload is stored in the database as it arrives ({@link HistoryUploads}), then read by a job on any instance:
 * the answer is 202 with the import and its {@code Location}, where its progress shows. With {@code ?wait=true}
 * the import runs before the answer: 200 with the finished import, or 400 naming the malformed line.
 */
@Path("/api/repos/{owner}/{repo}/history")
@SecurityRequirement(name = "bearer")
@PermissionsAllowed(Roles.MAINTAINER)
@Produces(MediaType.APPLICATION_JSON)
public class HistoryResource {

    /** A clone request's body. */
    public record CloneRequest(String cloneUrl) {
    }

    private final HistoryImporter importer;
    private final HistoryImports imports;
    private final JobRunner runner;
    private final RelicensingConfig config;

    HistoryResource(HistoryImporter importer, HistoryImports imports, JobRunner runner, RelicensingConfig config) {
        this.importer = importer;
        this.runner = runner;
        this.imports = imports;
        this.config = config;
    }

    @POST
    @Consumes(MediaType.TEXT_PLAIN)
    @Operation(summary = "Import the output of git log --numstat --pretty=fuller --no-renames --use-mailmap")
    public Response upload(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @QueryParam("wait") boolean wait, InputStream body) {
        String repository = RepositoryName.of(owner, repo);
        HistoryUploads.Stored upload;
        try {
            upload = importer.store(body);
        } catch (HistoryUploads.TooLargeException e) {
            return BodyLimitFilter.tooLarge(e.limit);
        } catch (HistoryUploads.NulByteException e) {
            // Refused before any import exists: nothing is left RUNNING.
            return HistoryProblem.of(e);
        } catch (IOException e) {
            return Problem.of(400, "Bad Request", "The upload broke off: " + e.getMessage()).toResponse();
        }
        HistoryImports.Created created = importer.importText(repository, upload, wait);
        try {
            return answer(repository, created, wait);
        } catch (JobFailedException e) {
            if (e.getCause() instanceof GitLogFormatException format) {
                return HistoryProblem.of(format, created.id());
            }
            throw e.getCause();
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Clone a repository ({\"cloneUrl\": ...}) and import the history of its HEAD")
    public Response fromClone(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @QueryParam("wait") boolean wait, CloneRequest request) {
        String repository = RepositoryName.of(owner, repo);
        CloneUrl url = CloneUrl.parse(request == null ? null : request.cloneUrl(),
                config.localCloneRoots().orElse(List.of()));
        HistoryImports.Created created = importer.importClone(repository, url, wait);
        try {
            return answer(repository, created, wait);
        } catch (JobFailedException e) {
            if (e.getCause() instanceof BareClone.CloneFailedException clone) {
                throw InvalidInputException.of(CloneUrl.FIELD, clone.getMessage() + " (import " + created.id() + ")");
            }
            throw e.getCause();
        }
    }

    @GET
    @Path("{id}")
    @Operation(summary = "One import: state, progress (done/total, rate, ETA) and any error")
    public ImportJob job(@PathParam("owner") String owner, @PathParam("repo") String repo, @PathParam("id") long id) {
        String repository = RepositoryName.of(owner, repo);
        return imports.find(repository, id)
                .orElseThrow(() -> new NotFoundProblem("No import " + id + " of " + repository));
    }

    @GET
    @Operation(summary = "The repository's latest imports, newest first")
    public List<ImportJob> list(@PathParam("owner") String owner, @PathParam("repo") String repo) {
        return imports.recent(RepositoryName.of(owner, repo), 20);
    }

    /** With {@code wait}, runs the import first: 200 when it is done, a {@link JobFailedException} if it failed. */
    private Response answer(String repository, HistoryImports.Created created, boolean wait) {
        if (wait) {
            runner.runHere(created.job());
        }
        ImportJob job = imports.find(repository, created.id()).orElseThrow();
        return Response.status(wait ? 200 : 202).header("Location", job.location()).entity(job).build();
    }
}
