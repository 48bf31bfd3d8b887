package dev.covenant.relicensing.campaign;

import java.net.URI;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.identity.Person;
import dev.covenant.web.Caller;
import dev.covenant.web.Layout;
import dev.covenant.web.PageException;
import dev.covenant.web.Roles;

/**
 * A contributor's own consent page: the planned change, their commits it concerns, and their answer. Whoever is
 * signed in sees only their own part; a person without commits in the repository cannot answer.
 */
@Path("/consent/{id}")
@Produces(MediaType.TEXT_HTML)
public class ConsentPagesResource {

    private final Caller caller;
    private final PersonCommits commits;
    private final ConsentRecorder recorder;
    private final CampaignConfig config;

    ConsentPagesResource(Caller caller, PersonCommits commits, ConsentRecorder recorder, CampaignConfig config) {
        this.caller = caller;
        this.commits = commits;
        this.recorder = recorder;
        this.config = config;
    }

    @GET
    @Transactional
    public Response page(@PathParam("id") String id) {
        return page(campaign(id), List.of(), 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.PERSON)
    @Transactional
    public Response answer(@PathParam("id") String id, @FormParam("answer") String answer,
            @FormParam("note") String note) {
        ConsentCampaign campaign = campaign(id);
        Person person = caller.signedIn();
        if (commits.of(campaign.repository, person, 1).none()) {
            throw PageException.forbidden("You have no commits in " + campaign.repository
                    + ", so there is nothing for you to answer.");
        }
        if (!campaign.open()) {
            throw new PageException(409, "This campaign is closed", "Campaign " + campaign.id
                    + " was closed; answers can no longer change.");
        }
        try {
            recorder.bySelf(campaign.id, person, answer, note);
        } catch (InvalidInputException e) {
            return page(campaign, e.errors(), 400);
        }
        return Response.seeOther(URI.create("/consent/" + campaign.id)).build();
    }

    private Response page(ConsentCampaign campaign, List<FieldError> errors, int status) {
        Layout.Visitor visitor = Layout.Visitor.of(caller);
        Person person = visitor.person();
        PersonCommits.Summary mine = person == null
                ? null
                : commits.of(campaign.repository, person, config.commitsShown());
        Consent answer = person == null ? null : Consent.latestOf(campaign.id, person.githubId).orElse(null);
        return Layout.html(status,
                CampaignPages.consent(visitor, CampaignViews.Summary.of(campaign), mine, answer, errors));
    }

    private static ConsentCampaign campaign(String id) {
        try {
            return ConsentCampaign.<ConsentCampaign>findByIdOptional(Long.parseLong(id))
                    .orElseThrow(() -> PageException.notFound("There is no such campaign."));
        } catch (NumberFormatException e) {
            throw PageException.notFound("There is no such campaign.");
        }
    }
}
