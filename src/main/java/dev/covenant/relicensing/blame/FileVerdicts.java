package dev.covenant.relicensing.blame;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.covenant.relicensing.blame.VerdictModel.Blocker;
import dev.covenant.relicensing.blame.VerdictModel.ContributorLines;
import dev.covenant.relicensing.blame.VerdictModel.Decided;
import dev.covenant.relicensing.blame.VerdictModel.FileVerdict;
import dev.covenant.relicensing.blame.VerdictModel.Standing;
import dev.covenant.relicensing.blame.VerdictModel.Standings;
import dev.covenant.relicensing.blame.VerdictModel.SurvivingRow;
import dev.covenant.relicensing.blame.VerdictModel.VerdictTotals;

/**
 * Turns surviving lines and each address's standing into a verdict per file. Each line is judged by the date of
 * the commit that wrote it ({@link Standings}): a line is cleared when everyone credited with it (author and
 * co-authors) is cleared for that date; a file is cleared when all its lines are. Everyone not cleared who is
 * credited with lines of a file blocks it by those lines. An address the report does not know (the imported
 * history lacks it) stands as {@value #NOT_IN_HISTORY}, which clears nothing. Rows may come in any order.
 */
public final class FileVerdicts {

    public static final String NOT_IN_HISTORY = "NOT_IN_HISTORY";

    private static final class FileTally {
        long lines;
        long cleared;
        /** Per blocker, their blocked lines per status: one person's lines may be blocked for different reasons. */
        final Map<String, Map<String, Long>> blocked = new HashMap<>();
    }

    private static final class PersonTally {
        final Set<String> emails = new TreeSet<>();
        final Set<String> files = new HashSet<>();
        final Standing overall;
        long lines;
        long cleared;

        PersonTally(Standing overall) {
            this.overall = overall;
        }
    }

    private final Standings standings;
    private final Map<String, FileTally> files = new HashMap<>();
    private final Map<String, PersonTally> people = new HashMap<>();

    public FileVerdicts(Standings standings) {
        this.standings = standings;
    }

    public FileVerdicts add(SurvivingRow row) {
        FileTally file = files.computeIfAbsent(row.path(), p -> new FileTally());
        file.lines += row.lines();
        Map<String, Standing> credited = new HashMap<>();
        Set<String> emails = new LinkedHashSet<>();
        emails.add(row.author());
        emails.addAll(row.coAuthors());
        for (String email : emails) {
            Standing standing = standing(email, row.authoredAt());
            credited.putIfAbsent(standing.contributor(), standing);
            PersonTally person = people.computeIfAbsent(standing.contributor(),
                    c -> new PersonTally(standing(email, null)));
            person.emails.add(email);
        }
        boolean cleared = credited.values().stream().allMatch(Standing::cleared);
        if (cleared) {
            file.cleared += row.lines();
        }
        credited.forEach((contributor, standing) -> {
            PersonTally person = people.get(contributor);
            person.lines += row.lines();
            person.files.add(row.path());
            if (standing.cleared()) {
                person.cleared += row.lines();
            } else {
                file.blocked.computeIfAbsent(contributor, c -> new HashMap<>()).merge(standing.status(), row.lines(),
                        Long::sum);
            }
        });
        return this;
    }

    public Decided decide(long filesSkipped) {
        List<FileVerdict> verdicts = new ArrayList<>(files.size());
        long lines = 0;
        long cleared = 0;
        for (Map.Entry<String, FileTally> e : files.entrySet()) {
            FileTally f = e.getValue();
            lines += f.lines;
            cleared += f.cleared;
            List<Blocker> blockers = f.blocked.entrySet().stream()
                    .map(b -> blocker(b.getKey(), b.getValue()))
                    .sorted(Comparator.comparingLong(Blocker::lines).reversed().thenComparing(Blocker::contributor))
                    .toList();
            verdicts.add(new FileVerdict(e.getKey(), f.lines, f.cleared, f.cleared == f.lines, blockers));
        }
        verdicts.sort(Comparator.comparingLong(FileVerdict::linesBlocked).reversed().thenComparing(FileVerdict::path));
        List<ContributorLines> contributors = people.entrySet().stream()
                .map(e -> new ContributorLines(e.getKey(), List.copyOf(e.getValue().emails),
                        e.getValue().overall.status(), e.getValue().overall.cleared(), e.getValue().lines,
                        e.getValue().cleared, e.getValue().files.size()))
                .sorted(Comparator.comparingLong(ContributorLines::lines).reversed()
                        .thenComparing(ContributorLines::contributor))
                .toList();
        long filesCleared = verdicts.stream().filter(FileVerdict::cleared).count();
        return new Decided(VerdictTotals.of(verdicts.size(), filesCleared, filesSkipped, lines, cleared), contributors,
                verdicts);
    }

    /**
     * A blocker with all their blocked lines in the file, under the status most of them have (a tie goes to the
     * first status by name): the one that matters most for that file, and the same whatever order rows came in.
     */
    private static Blocker blocker(String contributor, Map<String, Long> linesByStatus) {
        String status = linesByStatus.entrySet().stream()
                .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                        Comparator.reverseOrder())))
                .orElseThrow().getKey();
        long lines = linesByStatus.values().stream().mapToLong(Long::longValue).sum();
        return new Blocker(contributor, status, lines);
    }

    private Standing standing(String email, Instant authoredAt) {
        Standing known = standings.of(email, authoredAt);
        return known != null ? known : new Standing(email, NOT_IN_HISTORY, false);
    }
}
