package dev.covenant.relicensing.report;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;

import io.quarkus.security.Authenticated;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.covenant.api.Paging;
import dev.covenant.api.TabularAnswer;
import dev.covenant.relicensing.report.ReportModel.Report;
import dev.covenant.web.Caller;

/**
 * "Can we relicense this repository under X?" for the people who run the service (admin token) and for the
 * repository's maintainers, signed in with GitHub, whose admin or maintain role GitHub confirms through the App.
 * Anyone else signed in gets their own part only ({@link ReportReader}).
 */
@Path("/api/repos/{owner}/{repo}/relicensing")
@SecurityRequirement(name = "bearer")
@Authenticated
public class RelicensingResource {

    private final RelicensingReports reports;
    private final Caller caller;

    RelicensingResource(RelicensingReports reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Who granted the right to relicense under ?to= (SPDX), with commits and lines; ?at= a commit"
            + " or date. JSON, or CSV with Accept: text/csv or ?format=csv. JSON lists the contributors a page at a"
            + " time, most commits first: ?offset= and ?limit= (1 to 10000, default 1000), the next page in `page.next`"
            + " and a Link header; the totals count everyone, and the CSV has every row. A signed-in person who does"
            + " not maintain the repository gets only their own contributor row, without totals. Merges without lines"
            + " of their own are left out (totals.mergesLeftOut); ?trivialLines=N (0 to 1000) reports commits adding"
            + " at most N lines apart as TRIVIAL, which clears (totals.commitsTrivial, linesTrivial)")
    public Response report(@PathParam("owner") String owner, @PathParam("repo") String repo,
            @QueryParam("to") String to, @QueryParam("at") String at, @QueryParam("format") String format,
            @QueryParam("offset") String offset, @QueryParam("limit") String limit,
            @QueryParam("trivialLines") String trivialLines,
            @HeaderParam("Accept") String accept, @Context UriInfo uri) {
        ReportReader reader = ReportReader.of(caller, owner, repo);
        Paging paging = Paging.of(offset, limit);
        Report report = reports.report(reader, owner, repo, to, at, trivialLines);
        Report page = report.page(paging, Paging.offsets(uri));
        return TabularAnswer.of(() -> reports.named(page, paging.limit()), page.page().next(), format, accept,
                () -> ReportCsv.write(reports.named(report, Integer.MAX_VALUE)),
                report.repository().replace('/', '-') + "-relicensing.csv");
    }
}
