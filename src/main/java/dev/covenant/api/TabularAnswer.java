package dev.covenant.api;

import java.util.function.Supplier;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * A relicensing answer as JSON, or as a CSV download when {@code ?format=csv} or the {@code Accept} header asks for
 * {@code text/csv} (an explicit {@code format} wins over the header).
 */
public final class TabularAnswer {

    private TabularAnswer() {
    }

    /**
     * {@code next}, unless null, is where the JSON answer's next page is, sent in a {@code Link} header. Only the
     * answer asked for is made: either may cost queries.
     */
    public static Response of(Supplier<Object> json, String next, String format, String accept, Supplier<String> csv,
            String fileName) {
        boolean wantsCsv = "csv".equalsIgnoreCase(format)
                || (format == null && accept != null && accept.contains("text/csv"));
        if (!wantsCsv) {
            Response.ResponseBuilder answer = Response.ok(json.get(), MediaType.APPLICATION_JSON);
            return next == null ? answer.build() : answer.header("Link", Paging.nextLink(next)).build();
        }
        return Response.ok(csv.get(), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + fileName + "\"").build();
    }
}
