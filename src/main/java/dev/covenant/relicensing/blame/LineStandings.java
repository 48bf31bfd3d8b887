package dev.covenant.relicensing.blame;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import dev.covenant.relicensing.blame.VerdictModel.Standing;
import dev.covenant.relicensing.blame.VerdictModel.Standings;
import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.Period;

/**
 * Each address's standing for a line, from the relicensing report's contributors, by the date of the commit that
 * wrote it, as the report judges each contribution:
 * <ul>
 * <li>a contributor whose overall status clears ({@code GRANTED}, {@code CONSENTED}) has every line cleared: a
 * consent covers everything they wrote, whatever their periods say;</li>
 * <li>otherwise a line takes the status of the period whose {@code [from, to]} holds its date, or, for a blocked
 * period of someone who answered a consent campaign, their answer;</li>
 * <li>a date no period holds takes the overall status: a commit the imported history does not have (a blame of a
 * newer revision than the import), or a date unknown (rows blamed before dates were kept).</li>
 * </ul>
 * An address the report does not know has no standing (null).
 */
final class LineStandings implements Standings {

    /** A stretch of a contributor's contributions with its standing; {@code from} and {@code to} included. */
    private record Stretch(Instant from, Instant to, Standing standing) {
    }

    /** A contributor's overall standing, and their periods in order when it does not clear (else none needed). */
    private record PersonStretches(Standing overall, List<Stretch> stretches) {
    }

    private final Map<String, PersonStretches> byEmail;

    private LineStandings(Map<String, PersonStretches> byEmail) {
        this.byEmail = byEmail;
    }

    static LineStandings of(List<ContributorReport> contributors) {
        Map<String, PersonStretches> byEmail = new HashMap<>();
        for (ContributorReport c : contributors) {
            Standing overall = new Standing(c.contributor(), c.status().name(), c.status().cleared());
            List<Stretch> stretches = new ArrayList<>();
            if (!overall.cleared()) {
                for (Period p : c.periods()) {
                    // A campaign's answer (declined, conditional, unreachable) is what blocks their blocked periods.
                    Standing standing = !p.status().cleared() && c.status().answered()
                            ? overall
                            : new Standing(c.contributor(), p.status().name(), p.status().cleared());
                    stretches.add(new Stretch(p.from(), p.to(), standing));
                }
            }
            PersonStretches person = new PersonStretches(overall, List.copyOf(stretches));
            c.emails().forEach(email -> byEmail.put(email, person));
        }
        return new LineStandings(byEmail);
    }

    @Override
    public Standing of(String email, Instant authoredAt) {
        PersonStretches person = byEmail.get(email);
        if (person == null) {
            return null;
        }
        if (authoredAt != null) {
            // Periods change only where a contributor's answer does, so they are few: a walk is enough.
            for (Stretch s : person.stretches()) {
                if (!authoredAt.isBefore(s.from()) && !authoredAt.isAfter(s.to())) {
                    return s.standing();
                }
            }
        }
        return person.overall();
    }
}
