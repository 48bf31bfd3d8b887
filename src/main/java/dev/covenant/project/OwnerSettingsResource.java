package dev.covenant.project;

import java.util.regex.Pattern;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.covenant.api.InvalidInputException;

/** An organisation's (or user account's) settings for all its repositories; admin only. */
@Path("/api/owners/{owner}/settings")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed("admin")
public class OwnerSettingsResource {

    private static final Pattern OWNER = Pattern.compile("[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}");

    /** The settings to change; a value left out keeps what it was. */
    public record Change(String unlinkedConclusion) {
    }

    private final OwnerSettings settings;

    OwnerSettingsResource(OwnerSettings settings) {
        this.settings = settings;
    }

    @GET
    @Operation(summary = "The owner's settings: unlinkedConclusion (neutral or action_required)")
    public OwnerSettings.View get(@PathParam("owner") String owner) {
        return settings.of(valid(owner));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Set what a repository of this owner that no project governs gets: unlinkedConclusion "
            + "neutral (default, passes a required check) or action_required (fails until it is linked)")
    public OwnerSettings.View set(@PathParam("owner") String owner, Change change) {
        String checked = valid(owner);
        if (change == null || change.unlinkedConclusion() == null) {
            return settings.of(checked);
        }
        if (!OwnerSettings.UNLINKED_CONCLUSIONS.contains(change.unlinkedConclusion())) {
            throw InvalidInputException.of("unlinkedConclusion", "must be neutral or action_required");
        }
        return settings.set(checked, change.unlinkedConclusion());
    }

    private static String valid(String owner) {
        if (owner == null || !OWNER.matcher(owner).matches()) {
            throw InvalidInputException.of("owner", "must be a GitHub login (letters, digits, single hyphens)");
        }
        return owner;
    }
}
