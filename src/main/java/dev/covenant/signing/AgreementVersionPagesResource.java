package dev.covenant.signing;

import java.util.List;

import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.quarkus.qute.TemplateInstance;
import org.eclipse.microprofile.openapi.annotations.Operation;

import dev.covenant.agreement.Agreement;
import dev.covenant.agreement.AgreementKind;
import dev.covenant.agreement.AgreementVersion;
import dev.covenant.agreement.LineDiff;
import dev.covenant.agreement.PlainWords;
import dev.covenant.web.Caller;
import dev.covenant.web.Layout;
import dev.covenant.web.PageException;

/**
 * Every published version stays readable: {@code /agreements/{slug}/{version}} shows its text, hash, terms and
 * publication date, the way to the current version, and what changed from the version before it.
 */
// Only what can be a version number, so that the signing form's POST to /agreements/{slug}/sign stays its own.
@Path("/agreements/{slug}/{version: \\d+\\.\\d+\\.\\d+}")
@Produces(MediaType.TEXT_HTML)
public class AgreementVersionPagesResource {

    private final Caller caller;

    AgreementVersionPagesResource(Caller caller) {
        this.caller = caller;
    }

    /** The version before this one, and the diff of the markdown from it to this one; both null for the first. */
    public record Change(AgreementVersion previous, List<LineDiff.Line> lines, boolean requiresResigning) {

        public boolean changed() {
            return lines != null && LineDiff.changed(lines);
        }
    }

    @GET
    @Operation(hidden = true)
    @Transactional
    public TemplateInstance version(@PathParam("slug") String slug, @PathParam("version") String number) {
        Agreement agreement = Agreement.findBySlug(slug)
                .orElseThrow(() -> PageException.notFound("There is no agreement called '" + slug + "'."));
        List<AgreementVersion> versions = AgreementVersion.findFor(agreement);
        int at = indexOf(versions, number);
        if (at < 0) {
            throw PageException.notFound("'" + agreement.title + "' has no version " + number + ".");
        }
        AgreementVersion version = versions.get(at);
        AgreementVersion previous = at == 0 ? null : versions.get(at - 1);
        Change change = previous == null
                ? new Change(null, null, false)
                : new Change(previous, LineDiff.of(previous.text, version.text),
                        version.semanticVersion().requiresResigningAfter(previous.semanticVersion()));
        var terms = version.terms();
        return SigningPages.version(Layout.Visitor.of(caller), agreement, version, versions.get(versions.size() - 1),
                currentPath(agreement), terms.outboundPolicy().plainWords(terms.outboundLicenses()),
                PlainWords.grants(terms), change, versions);
    }

    /** Where the current version is read and signed. */
    static String currentPath(Agreement agreement) {
        return (agreement.kind == AgreementKind.CORPORATE ? "/corporate/" : "/agreements/") + agreement.slug;
    }

    private static int indexOf(List<AgreementVersion> versions, String number) {
        for (int i = 0; i < versions.size(); i++) {
            if (versions.get(i).version.equals(number)) {
                return i;
            }
        }
        return -1;
    }
}
