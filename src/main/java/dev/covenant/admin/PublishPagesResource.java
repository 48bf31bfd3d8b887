package dev.covenant.admin;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
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

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.ForbiddenException;

import dev.covenant.agreement.Agreement;
import dev.covenant.agreement.AgreementCatalog;
import dev.covenant.agreement.AgreementVersion;
import dev.covenant.agreement.LineDiff;
import dev.covenant.agreement.PlainWords;
import dev.covenant.agreement.RelicensingTerms;
import dev.covenant.api.InvalidInputException;
import dev.covenant.web.Caller;
import dev.covenant.web.FormDrafts;
import dev.covenant.web.Layout;
import dev.covenant.web.PageException;
import dev.covenant.web.Requests;
import dev.covenant.web.Roles;

/**
 * The agreements, and publishing a new version of one in two steps: the form, then a preview of the rendered text,
 * its plain-words box and the diff from the version before; nothing is published before the second click. The
 * catalog ({@link AgreementCatalog}) checks and publishes, as for the API.
 */
@Path("/admin/agreements")
@Produces(MediaType.TEXT_HTML)
@RolesAllowed(Roles.ADMIN)
public class PublishPagesResource {

    private final Caller caller;
    private final AgreementCatalog catalog;
    private final FormDrafts drafts;

    PublishPagesResource(Caller caller, AgreementCatalog catalog, FormDrafts drafts) {
        this.caller = caller;
        this.catalog = catalog;
        this.drafts = drafts;
    }

    @GET
    @Transactional
    public TemplateInstance agreements() {
        return AdminPages.agreements(Layout.Visitor.of(caller), Agreement.listInOrder().stream()
                .map(a -> new AdminPages.AgreementRow(a, AgreementVersion.findLatest(a).orElse(null))).toList());
    }

    @GET
    @Path("{slug}/publish")
    @Transactional
    public Response form(@PathParam("slug") String slug, @Context HttpHeaders headers) {
        Agreement agreement = agreement(slug);
        Optional<AgreementVersion> latest = AgreementVersion.findLatest(agreement);
        // A version sent after the session ended comes back filled in, once, after signing in again.
        Optional<Map<String, String>> kept = caller.person().isPresent()
                ? FormDrafts.of(headers, formPage(slug))
                : Optional.empty();
        AdminForm form = kept.map(values -> AdminForm.of(values, VersionForm.LABELS))
                .orElseGet(() -> VersionForm.startingFrom(latest));
        return drafts.shown(Layout.html(200, AdminPages.publish(Layout.Visitor.of(caller), agreement,
                latest.orElse(null), form)), kept.isPresent());
    }

    private static String formPage(String slug) {
        return "/admin/agreements/" + slug + "/publish";
    }

    /**
     * {@code step}: {@code preview} shows what would be published, {@code edit} goes back, {@code publish} does it.
     * Open to anyone so that an admin whose session ended while writing is asked to sign in again with what they
     * wrote kept; anyone else is refused as the class's role would.
     */
    @POST
    @Path("{slug}/publish")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @PermitAll
    public Response submit(@PathParam("slug") String slug, MultivaluedMap<String, String> form) {
        if (!caller.admin()) {
            if (caller.person().isEmpty()) {
                return drafts.signInKeeping(formPage(slug), form);
            }
            throw new ForbiddenException();
        }
        Map<String, String> submitted = FormDrafts.firstValues(form);
        String step = submitted.getOrDefault("step", "preview");
        Response page = QuarkusTransaction.requiringNew().call(() -> {
            Agreement agreement = agreement(slug);
            Optional<AgreementVersion> latest = AgreementVersion.findLatest(agreement);
            VersionForm.Checked checked = VersionForm.check(submitted, latest);
            if (checked.form().hasErrors() || "edit".equals(step)) {
                return Layout.html(checked.form().hasErrors() ? 400 : 200, AdminPages
                        .publish(Layout.Visitor.of(caller), agreement, latest.orElse(null), checked.form()));
            }
            return "publish".equals(step)
                    ? null
                    : Layout.html(200, AdminPages.preview(Layout.Visitor.of(caller), agreement,
                            preview(checked, latest), checked.form()));
        });
        if (page != null) {
            return page;
        }
        return publish(slug, submitted);
    }

    private Response publish(String slug, Map<String, String> submitted) {
        VersionForm.Checked checked = QuarkusTransaction.requiringNew()
                .call(() -> VersionForm.check(submitted, AgreementVersion.findLatest(agreement(slug))));
        try {
            String published = catalog.publish(slug, checked.request()).version();
            return Requests.seeOther("/agreements/" + slug + "/" + published);
        } catch (InvalidInputException e) {
            // Another admin published in between: the number or the text is now taken.
            AdminForm form = checked.form().reject(e.errors(), VersionForm::fieldOf);
            return QuarkusTransaction.requiringNew().call(() -> {
                Agreement agreement = agreement(slug);
                return Layout.html(400, AdminPages.publish(Layout.Visitor.of(caller), agreement,
                        AgreementVersion.findLatest(agreement).orElse(null), form));
            });
        }
    }

    private static AdminPages.Preview preview(VersionForm.Checked checked, Optional<AgreementVersion> latest) {
        var request = checked.request();
        RelicensingTerms terms = request.terms().toTerms();
        List<LineDiff.Line> diff = latest.map(l -> LineDiff.of(l.text, request.text())).orElse(null);
        return new AdminPages.Preview(request.version(), latest.isPresent() && checked.major(), latest.orElse(null),
                PlainWords.grants(terms), terms.outboundPolicy().plainWords(terms.outboundLicenses()), diff);
    }

    static Agreement agreement(String slug) {
        return Agreement.findBySlug(slug)
                .orElseThrow(() -> PageException.notFound("There is no agreement called '" + slug + "'."));
    }
}
