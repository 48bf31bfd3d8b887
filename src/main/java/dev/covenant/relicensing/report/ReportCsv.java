package dev.covenant.relicensing.report;

import java.util.List;

import dev.covenant.api.Csv;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.GrantView;
import dev.covenant.relicensing.report.ReportModel.Report;

/** The report as CSV, one contributor a line, for a spreadsheet: every cell quoted, formula-looking ones defused. */
public final class ReportCsv {

    public static final String HEADER = "contributor,github_id,login,emails,identified_by,status,grant,agreement,version,"
            + "company,commits,authored_commits,co_authored_commits,lines_added,commits_cleared,lines_cleared,"
            + "first_contribution,last_contribution,must_keep_offering,reason,name,grant_id,grant_text_sha256,grant_ledger_seq,"
            + "grant_ledger_hash,approval_criterion,approval_value,approval_ledger_seq,approval_ledger_hash\r\n";

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
                Csv.cell(String.join(" ", c.mustKeepOffering())), Csv.cell(c.reason()), Csv.cell(c.name()),
                proof(grant))) + "\r\n";
    }

    /** The cells that prove the grant: its id, text hash and ledger entry, and the approval line that matched. */
    private static String proof(GrantView grant) {
        var line = grant == null ? null : grant.approval();
        var ledger = grant == null ? null : grant.ledger();
        var lineLedger = line == null ? null : line.ledger();
        return String.join(",", List.of(Csv.cell(grant == null ? null : grant.id()),
                Csv.cell(grant == null ? null : grant.textSha256()), Csv.cell(ledger == null ? null : ledger.seq()),
                Csv.cell(ledger == null ? null : ledger.hash()), Csv.cell(line == null ? null : line.criterion()),
                Csv.cell(line == null ? null : line.value()), Csv.cell(lineLedger == null ? null : lineLedger.seq()),
                Csv.cell(lineLedger == null ? null : lineLedger.hash())));
    }
}
