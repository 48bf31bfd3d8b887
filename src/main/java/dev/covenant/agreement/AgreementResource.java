package dev.covenant.agreement;

import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/api/agreements")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed("admin")
public class AgreementResource {

    private final AgreementCatalog catalog;

    AgreementResource(AgreementCatalog catalog) {
        this.catalog = catalog;
    }

    @GET
    public List<AgreementViews.AgreementView> list() {
        return catalog.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create an agreement, optionally with its first version")
    public Response create(AgreementRequests.NewAgreement request) {
        AgreementViews.AgreementView created = catalog.create(request);
        return Response.status(Response.Status.CREATED).entity(created)
                .header("Location", "/api/agreements/" + created.slug()).build();
    }

    @GET
    @Path("/{slug}")
    public AgreementViews.AgreementView get(@PathParam("slug") String slug) {
        return catalog.get(slug);
    }

    @GET
    @Path("/{slug}/versions")
    public List<AgreementViews.VersionView> versions(@PathParam("slug") String slug) {
        return catalog.versions(slug);
    }

    @POST
    @Path("/{slug}/versions")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Publish a new, immutable version; a major bump requires signers to sign again")
    public Response publish(@PathParam("slug") String slug, AgreementRequests.NewVersion request) {
        AgreementViews.VersionView published = catalog.publish(slug, request);
        return Response.status(Response.Status.CREATED).entity(published)
                .header("Location", "/api/agreements/" + slug + "/versions/" + published.version()).build();
    }

    @GET
    @Path("/{slug}/versions/{version}")
    @Operation(summary = "One version with its text and terms; 'latest' names the newest")
    public AgreementViews.VersionView version(@PathParam("slug") String slug, @PathParam("version") String version) {
        return catalog.version(slug, version);
    }

    @PUT
    @Path("/{slug}/versions/{version}")
    @Operation(summary = "Always 409: published versions are immutable")
    public Response replace(@PathParam("slug") String slug, @PathParam("version") String version) {
        catalog.refuseChange(slug, version);
        return null;
    }

    @PATCH
    @Path("/{slug}/versions/{version}")
    @Operation(summary = "Always 409: published versions are immutable")
    public Response patch(@PathParam("slug") String slug, @PathParam("version") String version) {
        catalog.refuseChange(slug, version);
        return null;
    }

    @DELETE
    @Path("/{slug}/versions/{version}")
    @Operation(summary = "Always 409: published versions are immutable")
    public Response delete(@PathParam("slug") String slug, @PathParam("version") String version) {
        catalog.refuseChange(slug, version);
        return null;
    }
}
