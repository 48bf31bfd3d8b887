package dev.covenant.relicensing.report;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.PermissionsAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.covenant.api.InvalidInputException;
import dev.covenant.github.GitHubUnavailableException;
import dev.covenant.identity.Person;
import dev.covenant.project.Project;
import dev.covenant.project.RepositoryName;
import dev.covenant.relicensing.history.CloneUrl;
import dev.covenant.relicensing.history.HistoryImporter;
import dev.covenant.relicensing.history.RelicensingConfig;
import dev.covenant.web.Caller;
import dev.covenant.web.Layout;
import dev.covenant.web.PageException;
import dev.covenant.web.Roles;

/**
 * A repository's relicensing page: a maintainer sees the whole report and the history imports, and starts an import
 * from a clone URL; anyone else signed in sees their own part; a visitor (or an admin token, which is not a person)
 * is asked to sign in.
 */
@Path("/repos/{owner}/{repo}/relicensing")
@Produces(MediaType.TEXT_HTML)
public class RelicensingPageResource {

    private final Caller caller;
    private final ReportPageView view;
    private final HistoryImporter importer;
    private final RelicensingConfig config;

    RelicensingPageResource(Caller caller, ReportPageView view, HistoryImporter importer,
            RelicensingConfig config) {
        this.caller = caller;
        this.view = view;
        this.importer = importer;
        this.config = config;
    }

    @GET
    @Operation(hidden = true)
    public Response page(@PathParam("owner") String owner, @PathParam("repo") String repo, @QueryParam("to") String to,
            @QueryParam("at") String at, @QueryParam("trivialLines") String trivialLines) {
        String repository = governed(owner, repo);
        Person person = caller.person().orElse(null);
        if (person == null) {
            return Layout.html(200, RelicensingPages.signIn(Layout.Visitor.of(caller), repository,
                    ReportLinks.signIn(repository, to, at)));
        }
        ReportReader reader = ReportReader.of(person, maintains(owner, repo));
        var page = view.build(owner, repo, repository, reader, to, at, trivialLines,
                RelicensingPages.ImportForm.EMPTY);
        return Layout.html(page.failed() ? 400 : 200, RelicensingPages.report(Layout.Visitor.of(caller), page));
    }

    @POST
    @Path("imports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @PermissionsAllowed(Roles.MAINTAINER)
    public Response startImport(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @FormParam("cloneUrl") String cloneUrl, @FormParam("to") String to, @FormParam("at") String at) {
        String repository = governed(owner, repo);
        CloneUrl url;
        try {
            url = CloneUrl.parse(cloneUrl, config.localCloneRoots().orElse(List.of()));
        } catch (InvalidInputException e) {
            var page = view.build(owner, repo, repository, ReportReader.of(caller, owner, repo), to, at, null,
                    new RelicensingPages.ImportForm(cloneUrl, e.errors().get(0).message()));
            return Layout.html(400, RelicensingPages.report(Layout.Visitor.of(caller), page));
        }
        importer.importClone(repository, url, false);
        return Response.seeOther(URI.create(ReportLinks.page(repository, to, at) + "#imports")).build();
    }

    /** The repository's name, if a project governs it; a 404 page otherwise. */
    private static String governed(String owner, String repo) {
        String repository = PageException.orNotFound(() -> RepositoryName.of(owner, repo),
                "That is not a GitHub repository name.");
        boolean governed = QuarkusTransaction.joiningExisting()
                .call(() -> Project.findGoverning(owner, repo).isPresent());
        if (!governed) {
            throw PageException.notFound("No project on this Covenant governs " + repository + ".");
        }
        return repository;
    }

    private boolean maintains(String owner, String repo) {
        try {
            return caller.maintains(owner, repo);
        } catch (GitHubUnavailableException e) {
            throw new PageException(503, "GitHub is not answering", "We could not ask GitHub whether you maintain "
                    + owner + "/" + repo + ". Please try again in a few minutes.");
        }
    }
}
