package dev.covenant.signing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
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

import io.vertx.core.http.HttpServerRequest;

import dev.covenant.agreement.Agreement;
import dev.covenant.agreement.AgreementKind;
import dev.covenant.agreement.AgreementVersion;
import dev.covenant.agreement.FormField;
import dev.covenant.agreement.FormValues;
import dev.covenant.agreement.PlainWords;
import dev.covenant.github.GitHubDirectory;
import dev.covenant.github.GitHubUnavailableException;
import dev.covenant.identity.Person;
import dev.covenant.web.Caller;
import dev.covenant.web.FormDrafts;
import dev.covenant.web.FormProblems;
import dev.covenant.web.Layout;
import dev.covenant.web.PageException;
import dev.covenant.web.Requests;
import dev.covenant.web.Roles;

/** Signing a corporate agreement for a company, and the managers' page for its approval list. */
@Path("/corporate")
@Produces(MediaType.TEXT_HTML)
public class CorporatePagesResource {

    /** What every corporate signing asks, before the version's own fields. */
    static final List<FormField> BUILT_IN = List.of(
            new FormField("company", "Company (legal name)", FormField.Type.TEXT, true),
            new FormField("title", "Your title at the company", FormField.Type.TEXT, true),
            new FormField("contact_email", "Contact e-mail for this agreement", FormField.Type.EMAIL, true),
            new FormField("managers", "Other CLA managers: GitHub logins, separated by commas (you are one)",
                    FormField.Type.TEXT, false));
    private static final int MAX_MANAGERS = 10;

    private final Caller caller;
    private final CorporateService corporate;
    private final GitHubDirectory github;
    private final FormDrafts drafts;

    CorporatePagesResource(Caller caller, CorporateService corporate, GitHubDirectory github, FormDrafts drafts) {
        this.caller = caller;
        this.corporate = corporate;
        this.github = github;
        this.drafts = drafts;
    }

    @GET
    @Path("{slug}")
    @Transactional
    public Response page(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        Optional<Map<String, String>> kept = kept(headers, "/corporate/" + slug);
        return drafts.shown(render(200, corporateAgreement(slug), kept.orElse(Map.of()), Map.of()),
                kept.isPresent());
    }

    /** A form sent after its session ended comes back filled in with what was typed, once, to its signed-in sender. */
    private Optional<Map<String, String>> kept(HttpHeaders headers, String page) {
        return caller.person().isPresent() ? FormDrafts.of(headers, page) : Optional.empty();
    }

    /**
     * Not one transaction: the managers are looked up on GitHub first, then {@link CorporateService#sign} writes in
     * its own, so that no transaction waits on GitHub.
     */
    @POST
    @Path("{slug}/sign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response sign(@PathParam("slug") String slug, MultivaluedMap<String, String> form,
            @jakarta.ws.rs.core.Context HttpServerRequest request) {
        // Only a signed-in person signs; one whose session ended meanwhile signs in again and finds the form filled.
        if (caller.person().isEmpty()) {
            return drafts.signInKeeping("/corporate/" + slug, form);
        }
        Person signer = caller.signedIn();
        Agreement agreement = corporateAgreement(slug);
        AgreementVersion version = AgreementPagesResource.latest(agreement);
        if (!version.version.equals(form.getFirst("version")) || !version.sha256.equals(form.getFirst("sha256"))) {
            throw new PageException(409, "The text changed",
                    "Please reload the page, read the latest version and sign again.");
        }
        Map<String, String> submitted = new HashMap<>();
        form.forEach((k, v) -> submitted.put(k, v.isEmpty() ? "" : v.get(0)));
        FormValues.Checked checked = FormValues.check(fields(version), submitted, signer.verifiedEmails());
        Map<String, String> errors = new LinkedHashMap<>(checked.errors());
        Managers managers = errors.containsKey("managers")
                ? Managers.NONE
                : resolveManagers(checked.values().get("managers"));
        managers.error().ifPresent(error -> errors.put("managers", error));
        if (!errors.isEmpty()) {
            return render(400, agreement, submitted, errors);
        }
        Map<String, String> custom = new LinkedHashMap<>(checked.values());
        BUILT_IN.forEach(f -> custom.remove(f.name()));
        CorporateAgreement signed = corporate.sign(signer, version, new CorporateService.Signing(
                checked.values().get("company"), checked.values().get("title"), checked.values().get("contact_email"),
                managers.users(), custom), Origin.of(request));
        return Requests.seeOther("/corporate/agreements/" + signed.id);
    }

    @GET
    @Path("agreements/{id}")
    @RolesAllowed(Roles.PERSON)
    @Transactional
    public Response manage(@PathParam("id") String id, @Context HttpHeaders headers) {
        CorporateAgreement agreement = corporate.managed(caller.signedIn(), uuid(id));
        Optional<Map<String, String>> kept = kept(headers, "/corporate/agreements/" + agreement.id);
        return drafts.shown(manageResponse(200, agreement, Map.of(), kept.orElse(Map.of())), kept.isPresent());
    }

    @POST
    @Path("agreements/{id}/approvals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response addApproval(@PathParam("id") String id, MultivaluedMap<String, String> form) {
        // A manager whose session ended while typing signs in again and finds the line filled in, not yet added.
        if (caller.person().isEmpty()) {
            return drafts.signInKeeping("/corporate/agreements/" + uuid(id), form);
        }
        CorporateAgreement agreement = corporate.managed(caller.signedIn(), uuid(id));
        Map<String, String> values = FormDrafts.firstValues(form);
        ApprovalInput input = new ApprovalInput(values.get("kind"), values.get("value"), values.get("validFrom"),
                values.get("validUntil"));
        Map<String, String> errors = input.problems(corporate.today());
        if (!errors.isEmpty()) {
            return manageResponse(400, agreement, errors, values);
        }
        corporate.addApproval(caller.signedIn(), agreement.id, input);
        return Requests.seeOther("/corporate/agreements/" + agreement.id);
    }

    /** The first click: which line comes off the list and what that does; nothing changes yet. */
    @GET
    @Path("agreements/{id}/approvals/{approval}/remove")
    @RolesAllowed(Roles.PERSON)
    @Transactional
    public Response confirmRemoval(@PathParam("id") String id, @PathParam("approval") long approval) {
        CorporateAgreement agreement = corporate.managed(caller.signedIn(), uuid(id));
        Approval line = Approval.<Approval>findByIdOptional(approval)
                .filter(a -> a.corporateId.equals(agreement.id) && a.removedAt == null)
                .orElseThrow(() -> PageException.notFound("That line is not on the company's approval list."));
        return Layout.html(200, SigningPages.removeApproval(Layout.Visitor.of(caller), agreement, line));
    }

    @POST
    @Path("agreements/{id}/approvals/{approval}/remove")
    @RolesAllowed(Roles.PERSON)
    @Transactional
    public Response removeApproval(@PathParam("id") String id, @PathParam("approval") long approval) {
        corporate.removeApproval(caller.signedIn(), uuid(id), approval);
        return Requests.seeOther("/corporate/agreements/" + id);
    }

    /** The other CLA managers named in the form, as GitHub knows them, or why they could not be. */
    record Managers(List<GitHubDirectory.User> users, Optional<String> error) {

        static final Managers NONE = new Managers(List.of(), Optional.empty());

        static Managers refused(String error) {
            return new Managers(List.of(), Optional.of(error));
        }
    }

    private Managers resolveManagers(String text) {
        if (text == null || text.isBlank()) {
            return Managers.NONE;
        }
        String[] logins = text.split("[,\\s]+");
        if (logins.length > MAX_MANAGERS) {
            return Managers.refused("Name at most " + MAX_MANAGERS + " managers");
        }
        List<GitHubDirectory.User> managers = new ArrayList<>();
        List<String> unknown = new ArrayList<>();
        for (String login : logins) {
            if (login.isBlank()) {
                continue;
            }
            if (!login.matches("[A-Za-z0-9-]{1,39}")) {
                unknown.add(login);
                continue;
            }
            try {
                github.user(login).ifPresentOrElse(managers::add, () -> unknown.add(login));
            } catch (GitHubUnavailableException e) {
                return Managers.refused(
                        "GitHub is not answering, so the managers could not be checked. Please try again shortly.");
            }
        }
        if (!unknown.isEmpty()) {
            return Managers.refused("GitHub has no user " + String.join(", ", unknown));
        }
        return new Managers(List.copyOf(managers), Optional.empty());
    }

    private Response render(int status, Agreement agreement, Map<String, String> values, Map<String, String> errors) {
        AgreementVersion version = AgreementPagesResource.latest(agreement);
        var terms = version.terms();
        return Layout.html(status, SigningPages.corporate(Layout.Visitor.of(caller), agreement, version,
                terms.outboundPolicy().plainWords(terms.outboundLicenses()), PlainWords.grants(terms),
                new SigningPages.FormState(fields(version), values, errors,
                        caller.person().map(Person::verifiedEmails).orElse(List.of())),
                AgreementVersion.findFor(agreement)));
    }

    private Response manageResponse(int status, CorporateAgreement agreement, Map<String, String> errors,
            Map<String, String> values) {
        FormProblems form = FormProblems.form().field("kind", "kind", "Criterion").field("value", "value", "Value")
                .field("validFrom", "validFrom", "Valid from").field("validUntil", "validUntil", "Valid until");
        if (errors.containsKey("kind")) {
            // The API's message names the criteria's codes; the page's list shows them in words.
            form.reject("kind", "Choose one of the criteria in the list");
        }
        form.rejectAll(errors);
        return Layout.html(status, SigningPages.manage(Layout.Visitor.of(caller), agreement,
                Approval.activeOf(agreement.id), ClaManager.of(agreement.id), form, values));
    }

    private static List<FormField> fields(AgreementVersion version) {
        List<FormField> all = new ArrayList<>(BUILT_IN);
        all.addAll(version.formFields());
        return all;
    }

    private static Agreement corporateAgreement(String slug) {
        return Agreement.findBySlug(slug).filter(a -> a.kind == AgreementKind.CORPORATE)
                .orElseThrow(() -> PageException.notFound("There is no corporate agreement called '" + slug + "'."));
    }

    static UUID uuid(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw PageException.notFound("There is no such corporate agreement.");
        }
    }
}
