package dev.covenant.relicensing.campaign;

import java.net.URI;
import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

import dev.covenant.api.NotFoundProblem;
import dev.covenant.api.Paging;
import dev.covenant.project.RepositoryName;
import dev.covenant.relicensing.report.ProgressChart;
import dev.covenant.web.Caller;
import dev.covenant.web.Roles;

/**
 * A repository's consent campaigns, for admin tokens and the repository's maintainers (their session, and its CSRF
 * token for changes): answers and contact e-mails are personal data.
 */
@Path("/api/repos/{owner}/{repo}/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@PermissionsAllowed(Roles.MAINTAINER)
public class CampaignResource {

    private final Caller caller;
    private final CampaignService campaigns;
    private final CampaignDetails details;
    private final ConsentRecorder recorder;

    CampaignResource(Caller caller, CampaignService campaigns, CampaignDetails details, ConsentRecorder recorder) {
        this.caller = caller;
        this.campaigns = campaigns;
        this.details = details;
        this.recorder = recorder;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Open a consent campaign: {\"to\": SPDX, \"from\": SPDX (default: the licenses the work still"
            + " to be cleared was made under, else the current license; equal to to is a 400)}")
    public Response open(@PathParam("owner") String owner, @PathParam("repo") String repo,
            CampaignRequests.Open request) {
        ConsentCampaign campaign = campaigns.open(RepositoryName.of(owner, repo), request, caller.describe());
        return Response.created(URI.create("/api/repos/" + campaign.repository + "/campaigns/" + campaign.id))
                .entity(CampaignViews.Summary.of(campaign)).build();
    }

    @GET
    @Transactional
    @Operation(summary = "The repository's campaigns, newest first")
    public List<CampaignViews.Summary> list(@PathParam("owner") String owner, @PathParam("repo") String repo) {
        return ConsentCampaign.listFor(RepositoryName.of(owner, repo)).stream().map(CampaignViews.Summary::of).toList();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A campaign: progress, and everyone not cleared by an agreement, heaviest first, with their"
            + " status, answer and contact e-mail, a page at a time: ?offset= and ?limit= (1 to 10000, default 1000),"
            + " the next page in `page.next` and a Link header")
    public Response get(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @PathParam("id") long id, @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @Context UriInfo uri) {
        Paging paging = Paging.of(offset, limit);
        CampaignViews.Detail page = details.detail(campaign(owner, repo, id)).page(paging, Paging.offsets(uri));
        Response.ResponseBuilder answer = Response.ok(page, MediaType.APPLICATION_JSON);
        return page.page().next() == null
                ? answer.build()
                : answer.header("Link", Paging.nextLink(page.page().next())).build();
    }

    @POST
    @Path("{id}/answers")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record an answer obtained elsewhere: {\"contributor\": login or e-mail, \"answer\": YES|NO|"
            + "CONDITIONAL|UNREACHABLE, \"note\", \"evidenceUrl\"}")
    public Response answer(@PathParam("owner") String owner, @PathParam("repo") String repo, @PathParam("id") long id,
            CampaignRequests.RecordAnswer request) {
        Consent consent = recorder.byMaintainer(RepositoryName.of(owner, repo), id, request, recorderOf(caller));
        return Response.status(Response.Status.CREATED)
                .entity(new CampaignViews.AnswerView(consent.campaignId, consent.answer,
                        consent.note, consent.evidenceUrl, consent.recordedAs, consent.recordedBy, consent.recordedAt,
                        consent.ledgerSeq, null))
                .build();
    }

    @POST
    @Path("{id}/close")
    @Operation(summary = "Close the campaign; answers the evidence bundle, whose SHA-256 the ledger records")
    public Response close(@PathParam("owner") String owner, @PathParam("repo") String repo, @PathParam("id") long id) {
        ConsentCampaign campaign = campaigns.close(RepositoryName.of(owner, repo), id, caller.describe());
        return evidenceResponse(campaign);
    }

    @GET
    @Path("{id}/evidence")
    @Transactional
    @Operation(summary = "The evidence bundle of a closed campaign (404 while it is open)")
    public Response evidence(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @PathParam("id") long id) {
        ConsentCampaign campaign = campaign(owner, repo, id);
        if (campaign.open()) {
            throw new NotFoundProblem("Campaign " + id + " is open: its evidence bundle is made when it is closed");
        }
        return evidenceResponse(campaign);
    }

    @GET
    @Path("{id}/progress.svg")
    @Produces("image/svg+xml")
    @Operation(summary = "The campaign's progress as a bar chart (SVG)")
    public Response chart(@PathParam("owner") String owner, @PathParam("repo") String repo, @PathParam("id") long id) {
        ProgressChart chart = details.chart(details.detail(campaign(owner, repo, id)));
        return Response.ok(CampaignPages.progress(chart).render(), "image/svg+xml; charset=UTF-8").build();
    }

    static ConsentRecorder.Recorder recorderOf(Caller caller) {
        return new ConsentRecorder.Recorder(caller.describe(), caller.githubId());
    }

    private static ConsentCampaign campaign(String owner, String repo, long id) {
        String repository = RepositoryName.of(owner, repo);
        return ConsentCampaign.findIn(repository, id)
                .orElseThrow(() -> new NotFoundProblem("No campaign " + id + " for " + repository));
    }

    private static Response evidenceResponse(ConsentCampaign campaign) {
        return Response.ok(campaign.evidence, MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8"))
                .header("Content-Disposition", "attachment; filename=\"" + campaign.repository.replace('/', '-')
                        + "-campaign-" + campaign.id + "-evidence.json\"")
                .header("X-Evidence-SHA256", campaign.evidenceSha256).build();
    }
}
