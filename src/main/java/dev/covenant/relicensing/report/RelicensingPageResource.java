package dev.covenant.relicensing.report;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
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
import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.covenant.api.InvalidInputException;
import dev.covenant.github.GitHubUnavailableException;
import dev.covenant.identity.Person;
import dev.covenant.project.Project;
import dev.covenant.relicensing.history.CloneUrl;
import dev.covenant.relicensing.history.HistoryImporter;
import dev.covenant.relicensing.history.RelicensingConfig;
import dev.covenant.relicensing.history.RepositoryName;
import dev.covenant.signing.SigningPages.Visitor;
import dev.covenant.web.Csrf;
import dev.covenant.web.MaintainerAccess;
import dev.covenant.web.PageException;
import dev.covenant.web.WebSessions;

/**
 * A repository's relicensing page: a maintainer sees the whole report and the history imports, and starts an import
 * from a clone URL; anyone else signed in sees their own part; a visitor is asked to sign in. Admin tokens do not
 * apply to pages.
 */
@Path("/repos/{owner}/{repo}/relicensing")
@Produces(MediaType.TEXT_HTML)
public class RelicensingPageResource {

    private final MaintainerAccess access;
    private final ReportPageView view;
    private final HistoryImporter importer;
    private final RelicensingConfig config;

    RelicensingPageResource(MaintainerAccess access, ReportPageView view, HistoryImporter importer,
            RelicensingConfig config) {
        this.access = access;
        this.view = view;
        this.importer = importer;
        this.config = config;
    }

    @GET
    @Operation(hidden = true)
    public Response page(@PathParam("owner") String owner, @PathParam("repo") String repo, @QueryParam("to") String to,
            @QueryParam("at") String at, @CookieParam(WebSessions.COOKIE) String session) {
        String repository = governed(owner, repo);
        var signedIn = access.signedIn(session);
        if (signedIn.isEmpty()) {
            return html(200, RelicensingPages.signIn(new Visitor(null, null), repository,
                    ReportLinks.signIn(repository, to, at)));
        }
        Person person = signedIn.get().person();
        ReportReader reader = ReportReader.of(person, maintains(owner, repo, person));
        var page = view.build(owner, repo, repository, reader, to, at, RelicensingPages.ImportForm.EMPTY);
        return html(page.failed() ? 400 : 200, RelicensingPages.report(visitor(signedIn.get()), page));
    }

    @POST
    @Path("imports")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    public Response startImport(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @FormParam(Csrf.FIELD) String csrf, @FormParam("cloneUrl") String cloneUrl, @FormParam("to") String to,
            @FormParam("at") String at, @CookieParam(WebSessions.COOKIE) String session) {
        WebSessions.SignedIn signedIn = Csrf.require(access.signedIn(session), csrf);
        String repository = governed(owner, repo);
        if (!maintains(owner, repo, signedIn.person())) {
            throw PageException.forbidden("Only the repository's maintainers (GitHub admin or maintain role) may"
                    + " import its history.");
        }
        CloneUrl url;
        try {
            url = CloneUrl.parse(cloneUrl, config.localCloneRoots().orElse(List.of()));
        } catch (InvalidInputException e) {
            var page = view.build(owner, repo, repository, ReportReader.of(signedIn.person(), true), to, at,
                    new RelicensingPages.ImportForm(cloneUrl, e.errors().get(0).message()));
            return html(400, RelicensingPages.report(visitor(signedIn), page));
        }
        importer.importClone(repository, url, false);
        return Response.seeOther(URI.create(ReportLinks.page(repository, to, at) + "#imports")).build();
    }

    /** The repository's name, if a project governs it; a 404 page otherwise. */
    private static String governed(String owner, String repo) {
        String repository = RepositoryName.ofPage(owner, repo);
        boolean governed = QuarkusTransaction.joiningExisting()
                .call(() -> Project.findGoverning(owner, repo).isPresent());
        if (!governed) {
            throw PageException.notFound("No project on this Covenant governs " + repository + ".");
        }
        return repository;
    }

    private boolean maintains(String owner, String repo, Person person) {
        try {
            return access.maintains(owner, repo, person);
        } catch (GitHubUnavailableException e) {
            throw new PageException(503, "GitHub is not answering", "We could not ask GitHub whether you maintain "
                    + owner + "/" + repo + ". Please try again in a few minutes.");
        }
    }

    private static Visitor visitor(WebSessions.SignedIn signedIn) {
        return new Visitor(signedIn.person(), signedIn.csrfToken());
    }

    private static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page.render())
                .build();
    }
}
