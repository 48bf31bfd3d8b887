package dev.covenant.relicensing;

import java.util.List;
import java.util.Objects;

import dev.covenant.relicensing.ReportModel.ContributorReport;
import dev.covenant.relicensing.ReportModel.Report;
import dev.covenant.signing.Person;

/**
 * Who reads a repository's relicensing report, and so how much of it they see: an admin token or a maintainer the
 * whole report; any other signed-in person only their own part, the contributor with their GitHub id, without the
 * totals (which would tell them about everyone else). Someone who never contributed gets an empty list.
 */
record ReportReader(Long githubId, boolean whole) {

    ReportReader {
        if (!whole && githubId == null) {
            throw new IllegalStateException("a reader of their own part must be a GitHub account");
        }
    }

    static ReportReader admin() {
        return new ReportReader(null, true);
    }

    static ReportReader of(Person person, boolean maintainer) {
        return new ReportReader(person.githubId, maintainer);
    }

    /** The part of the report this reader may see. */
    Report visible(Report report) {
        if (whole) {
            return report;
        }
        List<ContributorReport> own = report.contributors().stream()
                .filter(c -> Objects.equals(githubId, c.githubId())).toList();
        return new Report(report.repository(), report.target(), report.at(), report.atCommit(), null, own);
    }
}
