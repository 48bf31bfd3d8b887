package dev.covenant.relicensing.campaign;

import java.net.URI;
import java.util.List;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.PermissionsAllowed;

import dev.covenant.api.ConflictException;
import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.api.Paging;
import dev.covenant.project.RepositoryName;
import dev.covenant.web.Caller;
import dev.covenant.web.Layout;
import dev.covenant.web.PageException;
import dev.covenant.web.Roles;

/** The maintainers' dashboard of a campaign: progress, who to ask, recording answers, closing. */
@Path("/repos/{owner}/{repo}/campaigns/{id}")
@Produces(MediaType.TEXT_HTML)
@PermissionsAllowed(Roles.MAINTAINER)
public class DashboardPagesResource {

    /** How many contributors the dashboard lists, heaviest first; the API lists them all, a page at a time. */
    static final int ROWS = 1_000;

    private final Caller caller;
    private final CampaignDetails details;
    private final ConsentRecorder recorder;
    private final CampaignService campaigns;

    DashboardPagesResource(Caller caller, CampaignDetails details, ConsentRecorder recorder,
            CampaignService campaigns) {
        this.caller = caller;
        this.details = details;
        this.recorder = recorder;
        this.campaigns = campaigns;
    }

    @GET
    public Response page(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @PathParam("id") String id) {
        return page(campaign(owner, repo, id), List.of(), 200);
    }

    @POST
    @Path("answers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response answer(@PathParam("owner") String owner, @PathParam("repo") String repo, @PathParam("id") String id,
            @FormParam("contributor") String contributor, @FormParam("answer") String answer,
            @FormParam("note") String note, @FormParam("evidenceUrl") String evidenceUrl) {
        ConsentCampaign campaign = campaign(owner, repo, id);
        try {
            recorder.byMaintainer(campaign.repository, campaign.id, new CampaignRequests.RecordAnswer(contributor,
                    answer, note, evidenceUrl), CampaignResource.recorderOf(caller));
        } catch (InvalidInputException e) {
            return page(campaign, e.errors(), 400);
        } catch (ConflictException e) {
            throw new PageException(409, "This campaign is closed", e.getMessage());
        }
        return Response.seeOther(URI.create(path(owner, repo, id))).build();
    }

    /** The first click: what closing does, and the form that does it; nothing changes yet. */
    @GET
    @Path("close")
    public Response confirmClose(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @PathParam("id") String id) {
        ConsentCampaign campaign = campaign(owner, repo, id);
        CampaignViews.Detail detail = details.detail(campaign);
        return Layout.html(200, CampaignPages.close(Layout.Visitor.of(caller), detail));
    }

    @POST
    @Path("close")
    public Response close(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @PathParam("id") String id) {
        ConsentCampaign campaign = campaign(owner, repo, id);
        try {
            campaigns.close(campaign.repository, campaign.id, caller.describe());
        } catch (ConflictException e) {
            throw new PageException(409, "This campaign is closed", e.getMessage());
        }
        return Response.seeOther(URI.create(path(owner, repo, id))).build();
    }

    private Response page(ConsentCampaign campaign, List<FieldError> errors, int status) {
        CampaignViews.Detail detail = details.detail(campaign);
        return Layout.html(status, CampaignPages.dashboard(Layout.Visitor.of(caller),
                detail.page(new Paging(0, ROWS), next -> null), details.chart(detail), errors));
    }

    private static ConsentCampaign campaign(String owner, String repo, String id) {
        String repository;
        try {
            repository = RepositoryName.of(owner, repo);
            return ConsentCampaign.findIn(repository, Long.parseLong(id))
                    .orElseThrow(() -> new NotFoundProblem("no campaign"));
        } catch (NumberFormatException | InvalidInputException | NotFoundProblem e) {
            throw PageException.notFound("There is no such campaign.");
        }
    }

    private static String path(String owner, String repo, String id) {
        return "/repos/" + owner + "/" + repo + "/campaigns/" + id;
    }
}
