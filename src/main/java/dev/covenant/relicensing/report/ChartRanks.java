package dev.covenant.relicensing.report;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import dev.covenant.relicensing.report.ReportModel.ContributorReport;
import dev.covenant.relicensing.report.ReportModel.Decided;
import dev.covenant.relicensing.report.ReportModel.Segment;

/**
 * Where each segment stands for the progress chart, as a rank that orders them from cleared to refused: 1 cleared by
 * an agreement (or the license, or as trivial), 2 cleared by a consent, 3 blocked and not answered, 4 blocked and
 * refused. A commit takes the highest rank of the segments credited with it ({@link Segments#split}). Pure.
 */
final class ChartRanks {

    static final int AGREEMENT = 1;
    static final int CONSENTED = 2;
    static final int OPEN = 3;
    static final int REFUSED = 4;

    private ChartRanks() {
    }

    /** {@code before}: the decision without the campaign's answers; {@code after}: with them. */
    static List<Integer> of(List<Segment> all, Decided before, Decided after) {
        Set<Segment> blockedBefore = new HashSet<>(before.blocked());
        Set<Segment> blockedAfter = new HashSet<>(after.blocked());
        Map<String, RelicensingStatus> statusOf = new HashMap<>();
        for (ContributorReport c : after.contributors()) {
            c.emails().forEach(e -> statusOf.put(e, c.status()));
        }
        List<Integer> ranks = new ArrayList<>(all.size());
        for (Segment s : all) {
            if (blockedAfter.contains(s)) {
                RelicensingStatus status = statusOf.get(s.email());
                ranks.add(status != null && ReportProgress.refused(status) ? REFUSED : OPEN);
            } else {
                ranks.add(blockedBefore.contains(s) ? CONSENTED : AGREEMENT);
            }
        }
        return ranks;
    }
}
