package dev.covenant.relicensing.report;

import java.util.List;
import java.util.Objects;

import dev.covenant.api.InvalidInputException;
import dev.covenant.identity.Person;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.Report;
import dev.covenant.web.Caller;

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

    /** An authenticated caller: an admin token, or a person who may or may not maintain owner/repo. */
    static ReportReader of(Caller caller, String owner, String repo) {
        return caller.admin() ? admin() : of(caller.signedIn(), caller.maintains(owner, repo));
    }

    /**
     * The {@code at} this reader may ask for: anyone a date, only the whole report's readers a commit, since whether a
     * sha is in the history (a 400 or not) would tell someone else about commits that are not theirs.
     */
    String at(String at) {
        if (!whole && ReportCutoff.namesCommit(at)) {
            throw InvalidInputException.of("at", "can name a commit only for the repository's maintainers; give a date"
                    + " (2024-05-31) or an instant");
        }
        return at;
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
