package dev.covenant.coverage;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.covenant.CovenantConfig;
import dev.covenant.api.FieldError;
import dev.covenant.api.InvalidInputException;
import dev.covenant.api.NotFoundProblem;
import dev.covenant.signing.Approval;

@Path("/api/coverage")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "bearer")
@RolesAllowed("admin")
public class CoverageResource {

    private final CoverageService coverage;
    private final CovenantConfig config;

    CoverageResource(CoverageService coverage, CovenantConfig config) {
        this.coverage = coverage;
        this.config = config;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CoverageView(String repo, String project, boolean covered, Coverage.By by, String reason,
            Long githubId, String login, SignatureRef signature, CorporateRef corporate, String allowlistPattern,
            String signUrl) {
    }

    public record SignatureRef(String id, String agreement, String version, Instant signedAt, Instant revokedAt) {
    }

    public record CorporateRef(String id, String company, String agreement, String version, Approval.Kind criterion,
            String value) {
    }

    @GET
    @Operation(summary = "Is this person covered for this repository, and by what? user is a GitHub id or login")
    public CoverageView coverage(@QueryParam("repo") String repo, @QueryParam("user") String user,
            @QueryParam("email") String email, @QueryParam("at") String at) {
        List<FieldError> errors = new ArrayList<>();
        String[] parts = repo == null ? new String[0] : repo.split("/", -1);
        if (parts.length != 2 || parts[0].isBlank() || parts[1].isBlank()) {
            errors.add(new FieldError("repo", "is required as owner/name"));
        }
        if ((user == null || user.isBlank()) && (email == null || email.isBlank())) {
            errors.add(new FieldError("user", "give a GitHub user (id or login), an email, or both"));
        }
        if (email != null && !email.isBlank() && !email.contains("@")) {
            errors.add(new FieldError("email", "is not an e-mail address"));
        }
        Instant moment = null;
        if (at != null && !at.isBlank()) {
            try {
                moment = Instant.parse(at);
            } catch (DateTimeParseException e) {
                errors.add(new FieldError("at", "must be an instant such as 2026-01-31T12:00:00Z"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        ProjectTerms project = coverage.terms(parts[0] + "/" + parts[1])
                .orElseThrow(() -> new NotFoundProblem("No project governs " + repo));
        Long githubId = null;
        String login = null;
        if (user != null && !user.isBlank()) {
            if (user.matches("\\d{1,19}")) {
                githubId = Long.parseLong(user);
            } else {
                login = user;
            }
        }
        CoverageSubject asked = new CoverageSubject(githubId, login,
                email == null || email.isBlank() ? List.of() : List.of(email.strip()));
        CoverageService.Answer answer = coverage.coverage(project, List.of(asked), moment).get(0);
        Coverage c = answer.coverage();
        Grant grant = c.grant();
        SignatureRef signature = grant == null || grant.kind() != Grant.Kind.INDIVIDUAL
                ? null
                : new SignatureRef(grant.id(), grant.agreement(), grant.version(), grant.signedAt(), grant.revokedAt());
        CorporateRef corporate = grant == null || grant.kind() != Grant.Kind.CORPORATE
                ? null
                : new CorporateRef(grant.id(), grant.company(), grant.agreement(), grant.version(),
                        grant.approval().kind(), grant.approval().value());
        return new CoverageView(repo, project.scope(), c.covered(), c.by(), c.reason(),
                answer.subject().githubId(), answer.subject().login(), signature, corporate,
                c.allowlistPattern(),
                c.covered() ? null : config.publicUrl() + "/agreements/" + project.agreementSlug());
    }
}
