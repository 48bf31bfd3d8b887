package dev.covenant.api;

import java.util.List;
import java.util.stream.Collectors;

import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.NotAllowedException;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error leaves the API as {@code application/problem+json}. Expected outcomes map to 4xx with the field named;
 * anything unexpected is logged once with its stack and answered 500 without internals.
 */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response invalid(InvalidInputException e) {
        return Problem.invalid(e.errors()).toResponse();
    }

    @ServerExceptionMapper
    public Response conflict(ConflictException e) {
        return Problem.of(Response.Status.CONFLICT, e.getMessage()).toResponse();
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e) {
        return Problem.of(Response.Status.NOT_FOUND, e.getMessage()).toResponse();
    }

    // Quarkus ships mappers for these Jackson types; ours must be at least as specific to take their place.
    @ServerExceptionMapper
    public Response unparsableJson(JsonParseException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return malformedJson(e);
    }

    @ServerExceptionMapper
    public Response malformedJson(JsonProcessingException e) {
        if (e instanceof UnrecognizedPropertyException unknown) {
            return Problem.invalid(List.of(new FieldError(fieldPath(unknown.getPath()), "is not a property this"
                    + " request takes; it takes " + unknown.getKnownPropertyIds()))).toResponse();
        }
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = fieldPath(mapping.getPath());
            return Problem
                    .invalid(List.of(
                            new FieldError(field, "has the wrong type or value: " + firstLine(e.getOriginalMessage()))))
                    .toResponse();
        }
        var location = e.getLocation();
        String where = location == null
                ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        return Problem
                .invalid(List.of(
                        new FieldError("body", "is not valid JSON" + where + ": " + firstLine(e.getOriginalMessage()))))
                .toResponse();
    }

    @ServerExceptionMapper
    public Response constraintViolation(ConstraintViolationException e) {
        List<FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new FieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .sorted(java.util.Comparator.comparing(FieldError::field))
                .toList();
        return Problem.invalid(errors).toResponse();
    }

    @ServerExceptionMapper
    public Response notAllowed(NotAllowedException e) {
        Response original = e.getResponse();
        return Response.fromResponse(Problem.of(405, "Method Not Allowed", "This resource does not accept that method")
                .toResponse()).allow(original.getAllowedMethods()).build();
    }

    @ServerExceptionMapper
    public Response unauthorized(NotAuthorizedException e) {
        return Response
                .fromResponse(Problem.of(Response.Status.UNAUTHORIZED, "A valid bearer token is required").toResponse())
                .header("WWW-Authenticate", "Bearer").build();
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof JsonProcessingException json) {
                return malformedJson(json);
            }
        }
        if (status == 400 && e.getCause() == null && "HTTP 400 Bad Request".equals(e.getMessage())) {
            // The JSON reader's own answer to a body it cannot read at all (truncated, empty).
            return Problem.invalid(List.of(new FieldError("body", "is not valid JSON or is truncated"))).toResponse();
        }
        if (status >= 500) {
            LOG.error("Request failed", e);
            return Problem.of(status, "Server Error", "The request could not be completed").toResponse();
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        String detail = switch (status) {
            case 415 -> "This resource does not accept that content type";
            case 406 -> "This resource cannot answer in the requested media type";
            case 404 -> "No such resource";
            case 413 -> "The request body is too large";
            default -> e.getMessage() == null ? type.getReasonPhrase() : e.getMessage();
        };
        return Problem.of(status, type.getReasonPhrase(), detail).toResponse();
    }

    @ServerExceptionMapper
    public Response unexpected(Exception e, jakarta.ws.rs.core.UriInfo uri) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof java.sql.SQLException sql && unstorable(sql.getSQLState())) {
                // A value the checks at the edge let through but the database cannot hold: the caller's doing.
                LOG.infof("A value of a request to %s could not be stored: %s", uri.getPath(), sql.getMessage());
                return Problem.invalid(List.of(new FieldError("body", "holds a value too long or with characters"
                        + " (such as NUL) that cannot be stored"))).toResponse();
            }
        }
        String reference = java.util.UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(e, "Unexpected error while handling %s (reference %s)", uri.getPath(), reference);
        if (!uri.getPath().startsWith("/api/") && !uri.getPath().startsWith("/q/")
                && !uri.getPath().startsWith("/github/")) {
            // A person's browser gets a page, not a JSON document.
            return Response.status(500).type("text/html;charset=UTF-8")
                    .entity(serverError.data("reference", reference).render()).build();
        }
        return Problem.of(500, "Server Error", "The request could not be completed (reference " + reference + ")")
                .toResponse();
    }

    /** PostgreSQL's data exceptions (class 22: too long, bad characters) and its index row size limit (54000). */
    private static boolean unstorable(String state) {
        return state != null && (state.startsWith("22") || state.equals("54000"));
    }

    private final io.quarkus.qute.Template serverError;

    ProblemMappers(@io.quarkus.qute.Location("server-error.html") io.quarkus.qute.Template serverError) {
        this.serverError = serverError;
    }

    private static String fieldPath(List<JsonMappingException.Reference> path) {
        return path.stream()
                .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                .collect(Collectors.joining(".")).replace(".[", "[");
    }

    private static String lastNode(String propertyPath) {
        // "create.request.title" -> "title": clients know fields, not Java method names.
        String[] parts = propertyPath.split("\\.");
        return parts.length <= 2
                ? parts[parts.length - 1]
                : String.join(".", java.util.Arrays.copyOfRange(parts, 2, parts.length));
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unreadable";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
