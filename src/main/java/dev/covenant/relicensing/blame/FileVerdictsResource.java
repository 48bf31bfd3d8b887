package dev.covenant.relicensing.blame;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.PermissionsAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.covenant.api.Paging;
import dev.covenant.api.TabularAnswer;
import dev.covenant.relicensing.blame.VerdictModel.Verdicts;
import dev.covenant.web.Roles;

/**
 * Per file of a blamed revision: may it be relicensed under {@code ?to=}, and if not, whose lines block it — the
 * list of code to rewrite or remove. For admin tokens and the repository's maintainers ({@link Roles#MAINTAINER}).
 */
@Path("/api/repos/{owner}/{repo}/relicensing/files")
@SecurityRequirement(name = "bearer")
@PermissionsAllowed(Roles.MAINTAINER)
public class FileVerdictsResource {

    private final FileVerdictService verdicts;

    FileVerdictsResource(FileVerdictService verdicts) {
        this.verdicts = verdicts;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Each file's surviving lines under ?to= (SPDX): cleared, or blocked by whom and by how many"
            + " lines, most blocked first; ?revision= a blamed commit (default: the newest finished blame). JSON, or"
            + " CSV with Accept: text/csv or ?format=csv. JSON lists the files a page at a time: ?offset= and ?limit="
            + " (1 to 10000, default 1000), the next page in `page.next` and a Link header; the CSV has every file")
    public Response files(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @QueryParam("to") String to, @QueryParam("revision") String revision, @QueryParam("format") String format,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @HeaderParam("Accept") String accept, @Context UriInfo uri) {
        Paging paging = Paging.of(offset, limit);
        Verdicts result = verdicts.verdicts(owner, repo, to, revision == null || revision.isBlank()
                ? null
                : revision.strip());
        Verdicts page = result.page(paging, Paging.offsets(uri));
        return TabularAnswer.of(() -> page, page.page().next(), format, accept, () -> VerdictCsv.write(result),
                result.repository().replace('/', '-') + "-files.csv");
    }
}
