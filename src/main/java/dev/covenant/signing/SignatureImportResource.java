package dev.covenant.signing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.covenant.api.BodyLimitFilter;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.Sha256;
import dev.covenant.web.Roles;

/**
 * {@code POST /api/agreements/{slug}/versions/{version}/signatures/import}: CLA Assistant Lite's {@code cla.json}
 * ({@code application/json}) or a CSV with a header ({@code text/csv}); {@code ?dryRun=true} answers what would happen
 * and changes nothing. For the people who run the service (admin token).
 */
@Path("/api/agreements/{slug}/versions/{version}/signatures/import")
@SecurityRequirement(name = "bearer")
@RolesAllowed(Roles.ADMIN)
public class SignatureImportResource {

    private final SignatureImporter importer;
    private final ImportConfig config;

    SignatureImportResource(SignatureImporter importer, ImportConfig config) {
        this.importer = importer;
        this.config = config;
    }

    @POST
    @Consumes({MediaType.APPLICATION_JSON, "text/csv"})
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Import signatures made elsewhere (CLA Assistant Lite's cla.json, or a CSV) as signatures of"
            + " this version; all or nothing, idempotent; ?dryRun=true changes nothing")
    public Response importSignatures(@PathParam("slug") String slug, @PathParam("version") String version,
            @QueryParam("dryRun") String dryRun, @HeaderParam("Content-Type") String contentType, InputStream body) {
        boolean dry = switch (dryRun == null ? "false" : dryRun) {
            case "true" -> true;
            case "false" -> false;
            default -> throw InvalidInputException.of("dryRun", "must be true or false");
        };
        byte[] bytes;
        long limit = config.maxSize().asLongValue();
        try {
            bytes = body.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, limit + 1));
        } catch (IOException e) {
            throw new UncheckedIOException("reading the import failed", e);
        }
        if (bytes.length > limit) {
            return BodyLimitFilter.tooLarge(limit);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw InvalidInputException.of("file", "is not UTF-8 text");
        }
        boolean csv = contentType != null && contentType.toLowerCase().startsWith("text/csv");
        SignatureImportFile.Parsed parsed = csv ? SignatureImportFile.csv(text) : SignatureImportFile.lite(text);
        return Response.ok(importer.importFile(slug, version, Sha256.hex(bytes), parsed, dry)).build();
    }
}
