package dev.covenant.signing;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.covenant.agreement.Agreement;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.identity.Person;
import dev.covenant.ledger.CanonicalJson;
import dev.covenant.web.Roles;

/** Every signature of an agreement, for the people who run the service (admin token). */
@Path("/api/agreements/{slug}/signatures")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class SignatureExportResource {

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Signatures of an agreement as JSON, or CSV with Accept: text/csv or ?format=csv")
    @Transactional
    public Response export(@PathParam("slug") String slug, @QueryParam("format") String format,
            @jakarta.ws.rs.HeaderParam("Accept") String accept) {
        Agreement agreement = Agreement.findBySlug(slug)
                .orElseThrow(() -> new NotFoundProblem("No agreement '" + slug + "'"));
        List<Signature> signatures = Signature.findByAgreementSlug(agreement.slug);
        boolean csv = "csv".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.contains("text/csv"));
        if (csv) {
            StringBuilder out = new StringBuilder(SignatureCsv.HEADER);
            signatures.forEach(s -> out
                    .append(SignatureCsv.row(s, Person.findByGithubId(s.githubId).map(p -> p.login).orElse(""))));
            return Response.ok(out.toString(), "text/csv; charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"" + slug + "-signatures.csv\"").build();
        }
        ArrayNode array = JsonNodeFactory.instance.arrayNode();
        signatures.forEach(s -> {
            var tree = SignaturePagesResource.receiptTree(s);
            tree.put("login", Person.findByGithubId(s.githubId).map(p -> p.login).orElse(null));
            tree.put("ip", s.ip);
            tree.put("userAgent", s.userAgent);
            // Where a signature made elsewhere was imported from (receiptTree has it); null for one signed here.
            if (!tree.has("source")) {
                tree.putNull("source");
            }
            // The pull-request comment that made it, for one signed by comment; null otherwise.
            if (!tree.has("comment")) {
                tree.putNull("comment");
            }
            array.add(tree);
        });
        return Response.ok(CanonicalJson.write(array), MediaType.APPLICATION_JSON).build();
    }

    /** One signature per line; every field quoted, and formula-looking values defused for spreadsheets. */
    static final class SignatureCsv {

        static final String HEADER = "signature,github_id,login,agreement,version,sha256,signed_at,revoked_at,ip,fields,source,comment\r\n";

        private SignatureCsv() {
        }

        static String row(Signature s, String login) {
            return String.join(",", List.of(q(s.id.toString()), q(Long.toString(s.githubId)), q(login),
                    q(s.version.agreement.slug), q(s.version.version), q(s.textSha256), q(s.signedAt.toString()),
                    q(s.revokedAt == null ? "" : s.revokedAt.toString()), q(s.ip == null ? "" : s.ip), q(s.fields),
                    q(s.importSource == null ? "" : s.importSource),
                    q(s.signedByComment == null ? "" : s.signedByComment)))
                    + "\r\n";
        }

        static String q(String value) {
            return dev.covenant.api.Csv.cell(value);
        }
    }

}
