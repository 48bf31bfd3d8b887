package dev.covenant.relicensing.campaign;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.transaction.Transactional;
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

import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.identity.Person;
import dev.covenant.web.Caller;
import dev.covenant.web.FormDrafts;
import dev.covenant.web.Layout;
import dev.covenant.web.PageException;

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
    private final FormDrafts drafts;

    ConsentPagesResource(Caller caller, PersonCommits commits, ConsentRecorder recorder, CampaignConfig config,
            FormDrafts drafts) {
        this.drafts = drafts;
        this.caller = caller;
        this.commits = commits;
        this.recorder = recorder;
        this.config = config;
    }

    @GET
    @Transactional
    public Response page(@PathParam("id") String id, @Context HttpHeaders headers) {
        Layout.Visitor visitor = Layout.Visitor.of(caller);
        if (visitor.person() == null) {
            return Layout.html(200, CampaignPages.signIn(visitor, SIGN_IN_ID.matcher(id).matches() ? id : ""));
        }
        ConsentCampaign campaign = campaign(id, visitor.person());
        // An answer sent after the session ended comes back filled in, once, after signing in again.
        Optional<Map<String, String>> kept = FormDrafts.of(headers, "/consent/" + campaign.id);
        return drafts.shown(page(campaign, List.of(), kept.orElse(Map.of()), 200), kept.isPresent());
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response answer(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        if (caller.person().isEmpty()) {
            return drafts.signInKeeping("/consent/" + (SIGN_IN_ID.matcher(id).matches() ? id : ""), form);
        }
        Map<String, String> values = FormDrafts.firstValues(form);
        String answer = values.get("answer");
        String note = values.get("note");
        Person person = caller.signedIn();
        ConsentCampaign campaign = campaign(id, person);
        if (!campaign.open()) {
            throw new PageException(409, "This campaign is closed", "Campaign " + campaign.id
                    + " was closed; answers can no longer change.");
        }
        try {
            recorder.bySelf(campaign.id, person, answer, note);
        } catch (InvalidInputException e) {
            return page(campaign, e.errors(), values, 400);
        }
        return Response.seeOther(URI.create("/consent/" + campaign.id)).build();
    }

    private Response page(ConsentCampaign campaign, List<FieldError> errors, Map<String, String> values,
            int status) {
        Layout.Visitor visitor = Layout.Visitor.of(caller);
        Person person = visitor.person();
        PersonCommits.Summary mine = person == null
                ? null
                : commits.of(campaign.repository, person, config.commitsShown());
        Consent answer = person == null ? null : Consent.latestOf(campaign.id, person.githubId).orElse(null);
        return Layout.html(status,
                CampaignPages.consent(visitor, CampaignViews.Summary.of(campaign), mine, answer,
                        AnswerForm.problems(errors, false), values));
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
