package dev.covenant.signing;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

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
import dev.covenant.web.Csrf;
import dev.covenant.web.PageException;
import dev.covenant.web.Requests;
import dev.covenant.web.WebSessions;

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

    private final WebSessions sessions;
    private final CorporateService corporate;
    private final GitHubDirectory github;

    CorporatePagesResource(WebSessions sessions, CorporateService corporate, GitHubDirectory github) {
        this.sessions = sessions;
        this.corporate = corporate;
        this.github = github;
    }

    @GET
    @Path("{slug}")
    @Transactional
    public Response page(@PathParam("slug") String slug, @CookieParam(WebSessions.COOKIE) String session) {
        return render(200, sessions.find(session), corporateAgreement(slug), Map.of(), Map.of());
    }

    @POST
    @Path("{slug}/sign")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response sign(@PathParam("slug") String slug, MultivaluedMap<String, String> form,
            @CookieParam(WebSessions.COOKIE) String session, @jakarta.ws.rs.core.Context HttpServerRequest request) {
        WebSessions.SignedIn signedIn = Csrf.require(sessions.find(session), form.getFirst(Csrf.FIELD));
        Agreement agreement = corporateAgreement(slug);
        AgreementVersion version = AgreementPagesResource.latest(agreement);
        if (!version.version.equals(form.getFirst("version")) || !version.sha256.equals(form.getFirst("sha256"))) {
            throw new PageException(409, "The text changed",
                    "Please reload the page, read the latest version and sign again.");
        }
        Map<String, String> submitted = new HashMap<>();
        form.forEach((k, v) -> submitted.put(k, v.isEmpty() ? "" : v.get(0)));
        FormValues.Checked checked = FormValues.check(fields(version), submitted, signedIn.person().verifiedEmails());
        Map<String, String> errors = new LinkedHashMap<>(checked.errors());
        List<GitHubDirectory.User> managers = new ArrayList<>();
        if (!errors.containsKey("managers")) {
            resolveManagers(checked.values().get("managers"), managers, errors);
        }
        if (!errors.isEmpty()) {
            return render(400, Optional.of(signedIn), agreement, submitted, errors);
        }
        Map<String, String> custom = new LinkedHashMap<>(checked.values());
        BUILT_IN.forEach(f -> custom.remove(f.name()));
        CorporateAgreement signed = corporate.sign(signedIn.person(), version, new CorporateService.Signing(
                checked.values().get("company"), checked.values().get("title"), checked.values().get("contact_email"),
                managers, custom), Requests.origin(request));
        return Requests.seeOther("/corporate/agreements/" + signed.id);
    }

    @GET
    @Path("agreements/{id}")
    @Transactional
    public Response manage(@PathParam("id") String id, @CookieParam(WebSessions.COOKIE) String session) {
        WebSessions.SignedIn signedIn = sessions.find(session)
                .orElseThrow(() -> new PageException(401, "Please sign in",
                        "Sign in with GitHub to manage your company's list."));
        return manageResponse(200, signedIn, corporate.managed(signedIn.person(), uuid(id)), Map.of(), Map.of());
    }

    @POST
    @Path("agreements/{id}/approvals")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Transactional
    public Response addApproval(@PathParam("id") String id, @FormParam(Csrf.FIELD) String csrf,
            @FormParam("kind") String kind,
            @FormParam("value") String value, @FormParam("validFrom") String validFrom,
            @FormParam("validUntil") String validUntil,
            @CookieParam(WebSessions.COOKIE) String session) {
        WebSessions.SignedIn signedIn = Csrf.require(sessions.find(session), csrf);
        CorporateAgreement agreement = corporate.managed(signedIn.person(), uuid(id));
        ApprovalInput input = new ApprovalInput(kind, value, validFrom, validUntil);
        Map<String, String> errors = input.problems(corporate.today());
        if (!errors.isEmpty()) {
            Map<String, String> values = new HashMap<>();
            values.put("kind", kind == null ? "" : kind);
            values.put("value", value == null ? "" : value);
            values.put("validFrom", validFrom == null ? "" : validFrom);
            values.put("validUntil", validUntil == null ? "" : validUntil);
            return manageResponse(400, signedIn, agreement, errors, values);
        }
        corporate.addApproval(signedIn.person(), agreement.id, input);
        return Requests.seeOther("/corporate/agreements/" + agreement.id);
    }

    @POST
    @Path("agreements/{id}/approvals/{approval}/remove")
    @Transactional
    public Response removeApproval(@PathParam("id") String id, @PathParam("approval") long approval,
            @FormParam(Csrf.FIELD) String csrf, @CookieParam(WebSessions.COOKIE) String session) {
        WebSessions.SignedIn signedIn = Csrf.require(sessions.find(session), csrf);
        corporate.removeApproval(signedIn.person(), uuid(id), approval);
        return Requests.seeOther("/corporate/agreements/" + id);
    }

    private void resolveManagers(String text, List<GitHubDirectory.User> managers, Map<String, String> errors) {
        if (text == null || text.isBlank()) {
            return;
        }
        String[] logins = text.split("[,\\s]+");
        if (logins.length > MAX_MANAGERS) {
            errors.put("managers", "Name at most " + MAX_MANAGERS + " managers");
            return;
        }
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
                errors.put("managers",
                        "GitHub is not answering, so the managers could not be checked. Please try again shortly.");
                return;
            }
        }
        if (!unknown.isEmpty()) {
            errors.put("managers", "GitHub has no user " + String.join(", ", unknown));
        }
    }

    private Response render(int status, Optional<WebSessions.SignedIn> signedIn, Agreement agreement,
            Map<String, String> values, Map<String, String> errors) {
        AgreementVersion version = AgreementPagesResource.latest(agreement);
        var terms = version.terms();
        String html = SigningPages.corporate(SigningPages.Visitor.of(signedIn), agreement, version,
                terms.outboundPolicy().plainWords(terms.outboundLicenses()), PlainWords.grants(terms),
                new SigningPages.FormState(fields(version), values, errors,
                        signedIn.map(s -> s.person().verifiedEmails()).orElse(List.of())))
                .render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    private static Response manageResponse(int status, WebSessions.SignedIn signedIn, CorporateAgreement agreement,
            Map<String, String> errors, Map<String, String> values) {
        String html = SigningPages.manage(SigningPages.Visitor.of(Optional.of(signedIn)), agreement,
                Approval.activeOf(agreement.id), ClaManager.of(agreement.id), errors, values).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
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
