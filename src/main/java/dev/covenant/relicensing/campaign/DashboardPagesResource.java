package dev.covenant.relicensing.campaign;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.PermissionsAllowed;

import dev.covenant.api.ConflictException;
import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.api.Paging;
import dev.covenant.project.RepositoryName;
import dev.covenant.web.Caller;
import dev.covenant.web.FormDrafts;
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
    private final FormDrafts drafts;

    DashboardPagesResource(Caller caller, CampaignDetails details, ConsentRecorder recorder,
            CampaignService campaigns, FormDrafts drafts) {
        this.drafts = drafts;
        this.caller = caller;
        this.details = details;
        this.recorder = recorder;
        this.campaigns = campaigns;
    }

    @GET
    public Response page(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @PathParam("id") String id, @Context HttpHeaders headers) {
        ConsentCampaign campaign = campaign(owner, repo, id);
        // An answer sent after the session ended comes back filled in, once, after signing in again.
        Optional<Map<String, String>> kept = caller.person().isPresent()
                ? FormDrafts.of(headers, path(owner, repo, id))
                : Optional.empty();
        return drafts.shown(page(campaign, List.of(), kept.orElse(Map.of()), 200), kept.isPresent());
    }

    /**
     * Open to anyone so that a maintainer whose session ended while typing is asked to sign in again with what they
     * typed kept; anyone else signed in is refused as the class's permission would.
     */
    @POST
    @Path("answers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermitAll
    public Response answer(@PathParam("owner") String owner, @PathParam("repo") String repo, @PathParam("id") String id,
            MultivaluedMap<String, String> form) {
        if (caller.person().isEmpty() && !caller.admin()) {
            return drafts.signInKeeping(path(owner, repo, id), form);
        }
        if (!caller.maintains(owner, repo)) {
            throw new ForbiddenException();
        }
        ConsentCampaign campaign = campaign(owner, repo, id);
        Map<String, String> values = FormDrafts.firstValues(form);
        try {
            recorder.byMaintainer(campaign.repository, campaign.id, new CampaignRequests.RecordAnswer(
                    values.get("contributor"), values.get("answer"), values.get("note"), values.get("evidenceUrl")),
                    CampaignResource.recorderOf(caller));
        } catch (InvalidInputException e) {
            return page(campaign, e.errors(), values, 400);
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

    private Response page(ConsentCampaign campaign, List<FieldError> errors, Map<String, String> values,
            int status) {
        CampaignViews.Detail detail = details.detail(campaign);
        return Layout.html(status, CampaignPages.dashboard(Layout.Visitor.of(caller),
                detail.page(new Paging(0, ROWS), next -> null), details.chart(detail),
                AnswerForm.problems(errors, true), values));
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
