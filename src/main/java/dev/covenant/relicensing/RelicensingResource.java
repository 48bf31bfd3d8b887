package dev.covenant.relicensing;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import dev.covenant.relicensing.ReportModel.Report;

/**
 * "Can we relicense this repository under X?" for the people who run the service (admin token); maintainers'
 * access through their GitHub permission on the repository is still to come.
 */
@Path("/api/repos/{owner}/{repo}/relicensing")
@SecurityRequirement(name = "bearer")
public class RelicensingResource {

    private final RelicensingReports reports;

    RelicensingResource(RelicensingReports reports) {
        this.reports = reports;
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Who granted the right to relicense under ?to= (SPDX), with commits and lines; ?at= a commit or date")
    public Report json(@PathParam("owner") String owner, @PathParam("repo") String repo, @QueryParam("to") String to,
            @QueryParam("at") String at) {
        return reports.report(owner, repo, to, at);
    }

    @GET
    @Produces("text/csv")
    @Operation(summary = "The same report as CSV, one contributor a line")
    public Response csv(@PathParam("owner") String owner, @PathParam("repo") String repo, @QueryParam("to") String to,
            @QueryParam("at") String at) {
        Report report = reports.report(owner, repo, to, at);
        return Response.ok(ReportCsv.write(report), "text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"" + report.repository().replace('/', '-')
                        + "-relicensing.csv\"")
                .build();
    }
}
