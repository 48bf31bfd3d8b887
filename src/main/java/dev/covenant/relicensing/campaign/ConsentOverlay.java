package dev.covenant.relicensing.campaign;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.covenant.relicensing.report.RelicensingStatus;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.Decided;
import dev.covenant.relicensing.report.ReportModel.Segment;

/**
 * Lays a campaign's answers over a decided report. Pure: a contributor whom an agreement or the license already
 * clears keeps {@code GRANTED} or {@code LICENSE_ALLOWS}; anyone else with an answer takes its status ({@code CONSENTED}, {@code DECLINED},
 * {@code CONDITIONAL}, {@code UNREACHABLE}). A plain yes clears all of that person's contributions, so their
 * segments leave the blocked list, and a commit is then cleared when everyone else credited with it is too.
 */
public final class ConsentOverlay {

    private ConsentOverlay() {
    }

    public static Decided apply(Decided decided, Map<String, ConsentAnswer> answers) {
        if (answers.isEmpty()) {
            return decided;
        }
        Set<String> consentedEmails = new HashSet<>();
        List<ContributorReport> contributors = new ArrayList<>(decided.contributors().size());
        for (ContributorReport report : decided.contributors()) {
            ConsentAnswer answer = report.status().clearedWithoutAsking()
                    ? null
                    : ConsentAnswer.of(answers, report);
            if (answer == null) {
                contributors.add(report);
                continue;
            }
            RelicensingStatus status = answer.answer().status();
            boolean cleared = status.cleared();
            if (cleared) {
                consentedEmails.addAll(report.emails());
            }
            contributors.add(new ContributorReport(report.contributor(), report.githubId(), report.login(),
                    report.emails(), report.identifiedBy(), status, report.grant(), reason(answer), report.commits(),
                    report.authoredCommits(), report.coAuthoredCommits(), report.linesAdded(),
                    cleared ? report.commits() : report.commitsCleared(),
                    cleared ? report.linesAdded() : report.linesCleared(), report.firstContribution(),
                    report.lastContribution(), report.mustKeepOffering(), report.periods()));
        }
        List<Segment> blocked = decided.blocked().stream().filter(s -> !consentedEmails.contains(s.email())).toList();
        return new Decided(contributors, blocked, decided.trivial());
    }

    static String reason(ConsentAnswer answer) {
        String source = "in consent campaign " + answer.campaignId() + " ("
                + (answer.recordedAs() == Consent.RecordedAs.SELF
                        ? "on their consent page"
                        : "recorded by " + answer.recordedBy())
                + ", " + answer.recordedAt() + ")";
        String note = answer.note() == null ? "" : ": " + answer.note();
        return switch (answer.answer()) {
            case YES -> "consented " + source + note;
            case NO -> "declined " + source + note;
            case CONDITIONAL -> "consented on conditions " + source + note;
            case UNREACHABLE -> "could not be reached " + source + note;
        };
    }
}
