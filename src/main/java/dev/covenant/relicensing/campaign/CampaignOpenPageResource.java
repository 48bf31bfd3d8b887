package dev.covenant.relicensing.campaign;

import java.net.URI;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.PermissionsAllowed;
import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.covenant.agreement.SpdxExpression;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.project.RepositoryName;
import dev.covenant.web.Caller;
import dev.covenant.web.PageException;
import dev.covenant.web.Roles;

/**
 * The relicensing page's "open a consent campaign" form: a maintainer opens one for the target the page shows, or is
 * taken to the campaign already open for it; either way the answer is the campaign's dashboard.
 */
@Path("/repos/{owner}/{repo}/campaigns")
@Produces(MediaType.TEXT_HTML)
public class CampaignOpenPageResource {

    private final Caller caller;
    private final CampaignService campaigns;

    CampaignOpenPageResource(Caller caller, CampaignService campaigns) {
        this.caller = caller;
        this.campaigns = campaigns;
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Operation(hidden = true)
    @PermissionsAllowed(Roles.MAINTAINER)
    public Response open(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @FormParam("to") String to) {
        String repository = PageException.orNotFound(() -> RepositoryName.of(owner, repo),
                "That is not a GitHub repository name.");
        try {
            SpdxExpression target = SpdxField.parse("to", to);
            ConsentCampaign campaign = CampaignAnswers.openFor(repository, target).stream().findFirst()
                    .orElseGet(() -> campaigns.open(repository, new CampaignRequests.Open(to, null),
                            caller.describe()));
            return Response.seeOther(URI.create("/repos/" + repository + "/campaigns/" + campaign.id)).build();
        } catch (InvalidInputException e) {
            throw new PageException(400, "The campaign could not be opened", e.errors().get(0).field() + " "
                    + e.errors().get(0).message());
        } catch (NotFoundProblem e) {
            throw PageException.notFound(e.getMessage());
        }
    }
}
