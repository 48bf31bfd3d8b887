package dev.covenant.relicensing.history;

import jakarta.ws.rs.core.Response;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.covenant.api.Problem;

/**
 * A history the service refused, as a problem document (RFC 9457) with two extension members: {@code line}, the
 * 1-based number of the offending line, and {@code text}, that line (shortened); {@code job} is the failed import.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record HistoryProblem(String type, String title, int status, String detail, String field, Long line, String text,
        Long job) {

    static Response of(GitLogFormatException e, long job) {
        HistoryProblem problem = new HistoryProblem("about:blank", "Invalid input", 400,
                "The history is not git log output: " + e.getMessage(), "body", e.lineNumber(), e.line(), job);
        return Response.status(400).type(Problem.MEDIA).entity(problem).build();
    }

    /** An upload refused as it arrived, before an import was made of it. */
    static Response of(HistoryUploads.NulByteException e) {
        HistoryProblem problem = new HistoryProblem("about:blank", "Invalid input", 400,
                "The history is not git log output: " + e.getMessage(), "body", e.line, null, null);
        return Response.status(400).type(Problem.MEDIA).entity(problem).build();
    }
}
