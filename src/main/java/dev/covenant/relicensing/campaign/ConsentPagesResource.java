package dev.covenant.relicensing.campaign;

import java.net.URI;
import java.util.List;
import java.util.Optional;

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

import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.identity.Person;
import dev.covenant.signing.SigningPages.Visitor;
import dev.covenant.web.Csrf;
import dev.covenant.web.MaintainerAccess;
import dev.covenant.web.PageException;
import dev.covenant.web.WebSessions;

/**
 * A contributor's own consent page: the planned change, their commits it concerns, and their answer. Whoever is
 * signed in sees only their own part; a person without commits in the repository cannot answer.
 */
@Path("/consent/{id}")
@Produces(MediaType.TEXT_HTML)
public class ConsentPagesResource {

    private final MaintainerAccess access;
    private final PersonCommits commits;
    private final ConsentRecorder recorder;
    private final CampaignConfig config;

    ConsentPagesResource(MaintainerAccess access, PersonCommits commits, ConsentRecorder recorder,
            CampaignConfig config) {
        this.access = access;
        this.commits = commits;
        this.recorder = recorder;
        this.config = config;
    }

    @GET
    @Transactional
    public Response page(@PathParam("id") String id, @CookieParam(WebSessions.COOKIE) String session) {
        return page(campaign(id), access.signedIn(session), List.of(), 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response answer(@PathParam("id") String id, @FormParam(Csrf.FIELD) String csrf,
            @FormParam("answer") String answer, @FormParam("note") String note,
            @CookieParam(WebSessions.COOKIE) String session) {
        ConsentCampaign campaign = campaign(id);
        WebSessions.SignedIn signedIn = Csrf.require(access.signedIn(session), csrf);
        if (commits.of(campaign.repository, signedIn.person(), 1).none()) {
            throw PageException.forbidden("You have no commits in " + campaign.repository
                    + ", so there is nothing for you to answer.");
        }
        if (!campaign.open()) {
            throw new PageException(409, "This campaign is closed", "Campaign " + campaign.id
                    + " was closed; answers can no longer change.");
        }
        try {
            recorder.bySelf(campaign.id, signedIn.person(), answer, note);
        } catch (InvalidInputException e) {
            return page(campaign, Optional.of(signedIn), e.errors(), 400);
        }
        return Response.seeOther(URI.create("/consent/" + campaign.id)).build();
    }

    private Response page(ConsentCampaign campaign, Optional<WebSessions.SignedIn> signedIn, List<FieldError> errors,
            int status) {
        Visitor visitor = signedIn.map(s -> new Visitor(s.person(), s.csrfToken())).orElse(new Visitor(null, null));
        Person person = visitor.person();
        PersonCommits.Summary mine = person == null
                ? null
                : commits.of(campaign.repository, person, config.commitsShown());
        Consent answer = person == null ? null : Consent.latestOf(campaign.id, person.githubId).orElse(null);
        String html = CampaignPages.consent(visitor, CampaignViews.Summary.of(campaign), mine, answer, errors).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
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
