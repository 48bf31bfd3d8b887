package dev.covenant.relicensing.report;

import java.util.List;

import dev.covenant.api.Csv;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.Report;

/** The report as CSV, one contributor a line, for a spreadsheet: every cell quoted, formula-looking ones defused. */
public final class ReportCsv {

    public static final String HEADER = "contributor,github_id,login,emails,identified_by,status,grant,agreement,version,"
            + "company,commits,authored_commits,co_authored_commits,lines_added,commits_cleared,lines_cleared,"
            + "first_contribution,last_contribution,must_keep_offering,reason,name\r\n";

    private ReportCsv() {
    }

    static String write(Report report) {
        StringBuilder out = new StringBuilder(HEADER.length() * (report.contributors().size() + 1)).append(HEADER);
        report.contributors().forEach(c -> out.append(row(c)));
        return out.toString();
    }

    private static String row(ContributorReport c) {
        var grant = c.grant();
        return String.join(",", List.of(Csv.cell(c.contributor()), Csv.cell(c.githubId()), Csv.cell(c.login()),
                Csv.cell(String.join(" ", c.emails())), Csv.cell(c.identifiedBy()), Csv.cell(c.status()),
                Csv.cell(grant == null ? null : grant.kind()), Csv.cell(grant == null ? null : grant.agreement()),
                Csv.cell(grant == null ? null : grant.version()), Csv.cell(grant == null ? null : grant.company()),
                Csv.cell(c.commits()), Csv.cell(c.authoredCommits()), Csv.cell(c.coAuthoredCommits()),
                Csv.cell(c.linesAdded()), Csv.cell(c.commitsCleared()), Csv.cell(c.linesCleared()),
                Csv.cell(c.firstContribution()), Csv.cell(c.lastContribution()),
                Csv.cell(String.join(" ", c.mustKeepOffering())), Csv.cell(c.reason()), Csv.cell(c.name()))) + "\r\n";
    }
}
