package dev.covenant.relicensing.campaign;

import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

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
 * A contributor's own consent page: the planned change, their commits it concerns, and their answer. A campaign shows
 * only to the people it asks: signed out, every id gives the same sign-in page; signed in, a campaign that does not
 * exist and one of a repository without commits of theirs give the same 404, so nobody learns which campaigns exist
 * or which (perhaps private) repositories they name.
 */
@Path("/consent/{id}")
@Produces(MediaType.TEXT_HTML)
public class ConsentPagesResource {

    private static final Pattern SIGN_IN_ID = Pattern.compile("[0-9]{1,19}");

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
        Layout.Visitor visitor = Layout.Visitor.of(caller);
        if (visitor.person() == null) {
            return Layout.html(200, CampaignPages.signIn(visitor, SIGN_IN_ID.matcher(id).matches() ? id : ""));
        }
        return page(campaign(id, visitor.person()), List.of(), 200);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @RolesAllowed(Roles.PERSON)
    @Transactional
    public Response answer(@PathParam("id") String id, @FormParam("answer") String answer,
            @FormParam("note") String note) {
        Person person = caller.signedIn();
        ConsentCampaign campaign = campaign(id, person);
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

    /** The campaign, when it exists and concerns commits of {@code person}; otherwise one and the same 404. */
    private ConsentCampaign campaign(String id, Person person) {
        Optional<ConsentCampaign> found;
        try {
            found = ConsentCampaign.findByIdOptional(Long.parseLong(id));
        } catch (NumberFormatException e) {
            found = Optional.empty();
        }
        return found.filter(c -> !commits.of(c.repository, person, 1).none()).orElseThrow(() -> PageException
                .notFound("There is no consent page for you here. If a project asked for your consent and you"
                        + " committed with an address GitHub has not verified for you, add and verify it on GitHub,"
                        + " then sign in again."));
    }
}
