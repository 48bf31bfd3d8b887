package dev.covenant.relicensing.campaign;

import java.net.URI;
import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.CookieParam;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.covenant.api.ConflictException;
import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.api.Paging;
import dev.covenant.relicensing.history.RepositoryName;
import dev.covenant.signing.SigningPages.Visitor;
import dev.covenant.web.Csrf;
import dev.covenant.web.MaintainerAccess;
import dev.covenant.web.PageException;
import dev.covenant.web.WebSessions;

/** The maintainers' dashboard of a campaign: progress, who to ask, recording answers, closing. */
@Path("/repos/{owner}/{repo}/campaigns/{id}")
@Produces(MediaType.TEXT_HTML)
public class DashboardPagesResource {

    /** How many contributors the dashboard lists, heaviest first; the API lists them all, a page at a time. */
    static final int ROWS = 1_000;

    private final MaintainerAccess access;
    private final CampaignDetails details;
    private final ConsentRecorder recorder;
    private final CampaignService campaigns;

    DashboardPagesResource(MaintainerAccess access, CampaignDetails details, ConsentRecorder recorder,
            CampaignService campaigns) {
        this.access = access;
        this.details = details;
        this.recorder = recorder;
        this.campaigns = campaigns;
    }

    @GET
    @Transactional
    public Response page(@PathParam("owner") String owner, @PathParam("repo") String repo, @PathParam("id") String id,
            @CookieParam(WebSessions.COOKIE) String session) {
        var signedIn = access.signedIn(session);
        if (signedIn.isEmpty()) {
            String html = CampaignPages.signIn(new Visitor(null, null), path(owner, repo, id)).render();
            return Response.status(401).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
        }
        return page(maintainer(owner, repo, signedIn.get()), campaign(owner, repo, id), List.of(), 200);
    }

    @POST
    @Path("answers")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response answer(@PathParam("owner") String owner, @PathParam("repo") String repo, @PathParam("id") String id,
            @FormParam(Csrf.FIELD) String csrf, @FormParam("contributor") String contributor,
            @FormParam("answer") String answer, @FormParam("note") String note,
            @FormParam("evidenceUrl") String evidenceUrl, @CookieParam(WebSessions.COOKIE) String session) {
        WebSessions.SignedIn signedIn = maintainer(owner, repo, Csrf.require(access.signedIn(session), csrf));
        ConsentCampaign campaign = campaign(owner, repo, id);
        try {
            recorder.byMaintainer(campaign.repository, campaign.id, new CampaignRequests.RecordAnswer(contributor,
                    answer, note, evidenceUrl),
                    new ConsentRecorder.Recorder("@" + signedIn.person().login,
                            signedIn.person().githubId));
        } catch (InvalidInputException e) {
            return page(signedIn, campaign, e.errors(), 400);
        } catch (ConflictException e) {
            throw new PageException(409, "This campaign is closed", e.getMessage());
        }
        return Response.seeOther(URI.create(path(owner, repo, id))).build();
    }

    @POST
    @Path("close")
    @Transactional
    public Response close(@PathParam("owner") String owner, @PathParam("repo") String repo, @PathParam("id") String id,
            @FormParam(Csrf.FIELD) String csrf, @CookieParam(WebSessions.COOKIE) String session) {
        WebSessions.SignedIn signedIn = maintainer(owner, repo, Csrf.require(access.signedIn(session), csrf));
        ConsentCampaign campaign = campaign(owner, repo, id);
        try {
            campaigns.close(campaign.repository, campaign.id, "@" + signedIn.person().login);
        } catch (ConflictException e) {
            throw new PageException(409, "This campaign is closed", e.getMessage());
        }
        return Response.seeOther(URI.create(path(owner, repo, id))).build();
    }

    private Response page(WebSessions.SignedIn signedIn, ConsentCampaign campaign, List<FieldError> errors,
            int status) {
        CampaignViews.Detail detail = details.detail(campaign);
        String html = CampaignPages.dashboard(new Visitor(signedIn.person(), signedIn.csrfToken()),
                detail.page(new Paging(0, ROWS), next -> null), details.chart(detail), errors).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private WebSessions.SignedIn maintainer(String owner, String repo, WebSessions.SignedIn signedIn) {
        if (!access.maintains(owner, repo, signedIn.person())) {
            throw PageException.forbidden("Only the maintainers of " + owner + "/" + repo
                    + " (GitHub admin or maintain role) may see its consent campaigns.");
        }
        return signedIn;
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
