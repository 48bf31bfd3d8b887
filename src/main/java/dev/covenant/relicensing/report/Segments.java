package dev.covenant.relicensing.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import dev.covenant.coverage.CoverageRules;
import dev.covenant.coverage.Grant;
import dev.covenant.jdbc.Rows;
import dev.covenant.project.LicenseHistory;
import dev.covenant.relicensing.report.ReportModel.Segment;

/**
 * The report's two aggregates. First the contributions credited to each address (as author or co-author), summed per
 * stretch of time between the instants where a fact may change: the license history's dates for everyone, plus each
 * person's own signing, revocation and approval dates. An address whose contributions all fall in one stretch (and
 * before the report's cutoff) is one segment, read from its {@link AddressSums}; only the others are summed again
 * from their commits by PostgreSQL, bucketed with {@code width_bucket}. Then, once the decision named the blocked
 * segments, how many commits and lines are cleared: a commit is when no one credited with it is blocked.
 */
final class Segments {

    // The bounds are parsed once here: a text-to-timestamptz cast is not constant-folded, so inline it would run per row.
    private static final String BOUNDS = "g AS MATERIALIZED (SELECT string_to_array(?, ',')::timestamptz[] AS b),"
            + " bounds AS (SELECT u.email, string_to_array(u.b, ',')::timestamptz[] AS b"
            + " FROM unnest(?::text[], ?::text[]) AS u(email, b))";
    private static final String RANGES = "r AS MATERIALIZED (SELECT u.email, u.lo::timestamptz AS lo,"
            + " u.hi::timestamptz AS hi, u.written FROM unnest(?::text[], ?::text[], ?::text[], ?::text[])"
            + " AS u(email, lo, hi, written))";

    /** A commit credited to its authors: not a merge without lines of its own (as the view contribution_credit). */
    private static final String CREDITED = "(co.lines_added > 0 OR NOT co.merge)";

    private final Instant[] global;
    private final Map<String, Instant[]> own = new HashMap<>();
    /** The addresses a company approves by address or domain: split by the address each commit was written under. */
    private final Set<String> byWritten = new HashSet<>();
    private final String repository;
    private final ReportCutoff at;
    private final Instant cutoff;
    /** Null, or {@code ?trivialLines=}: then every address's segments are split into trivial commits and others. */
    private final Integer trivialLines;

    /** {@code grants} by address: each address's own boundaries join the license history's. */
    Segments(String repository, ReportCutoff at, LicenseHistory licenses, Map<String, List<Grant>> grants,
            Integer trivialLines) {
        this.repository = repository;
        this.trivialLines = trivialLines;
        this.at = at;
        this.cutoff = at.upTo();
        TreeSet<Instant> common = new TreeSet<>();
        licenses.entries().forEach(e -> common.add(e.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        this.global = common.toArray(Instant[]::new);
        grants.forEach((email, list) -> {
            if (!list.isEmpty()) {
                TreeSet<Instant> bounds = new TreeSet<>(common);
                list.forEach(g -> bounds.addAll(g.boundaries()));
                own.put(email, bounds.toArray(Instant[]::new));
                if (list.stream().anyMatch(CoverageRules::approvesByAddress)) {
                    byWritten.add(email);
                }
            }
        });
    }

    /**
     * The segments of each address, in the order given: one from its sums when they fall in one stretch, otherwise
     * those its commits give.
     */
    List<List<Segment>> credited(Connection c, List<AddressSums> addresses) throws SQLException {
        List<List<Segment>> segments = new ArrayList<>(addresses.size());
        Map<String, Integer> recut = new HashMap<>();
        for (AddressSums a : addresses) {
            Instant[] bounds = bounds(a.email());
            int bucket = bucket(bounds, a.first());
            if (trivialLines == null && at.keepsWhole(a) && bucket == bucket(bounds, a.last())
                    && !byWritten.contains(a.email())) {
                segments.add(List.of(new Segment(a.email(), bucket, a.commits(), a.authored(), a.linesAdded(),
                        a.authoredLines(), a.first(), a.last())));
            } else {
                recut.put(a.email(), segments.size());
                segments.add(new ArrayList<>(2));
            }
        }
        if (recut.isEmpty()) {
            return segments;
        }
        // When most addresses are summed again, reading every credit beats looking a hundred thousand addresses up;
        // the few sums of the others are dropped here.
        boolean most = recut.size() * 2 > addresses.size();
        List<String> ownEmails = recut.keySet().stream().filter(own::containsKey).toList();
        List<Object> args = new ArrayList<>(List.of(Rows.texts(byWritten), array(global), Rows.texts(ownEmails),
                Rows.texts(ownEmails.stream().map(e -> array(own.get(e))).toList()), repository, cutoff));
        if (!most) {
            args.add(Rows.texts(recut.keySet()));
        }
        // Enough for the hash of a hundred thousand sums not to spill to disk; for this transaction only.
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL work_mem = '64MB'");
        }
        Rows.query(c,
                "WITH w AS MATERIALIZED (SELECT ?::text[] AS split), " + BOUNDS
                        + " SELECT cr.email, width_bucket(cr.authored_at, coalesce(b.b, g.b)),"
                        + " count(*), sum(cr.authored), sum(cr.lines_added),"
                        + " coalesce(sum(cr.lines_added) FILTER (WHERE cr.authored = 1), 0), min(cr.authored_at),"
                        + " max(cr.authored_at), CASE WHEN cr.email = ANY(w.split) THEN cr.raw_email END, "
                        + (trivialLines == null ? "false" : "cr.lines_added <= " + trivialLines)
                        + " FROM contribution_credit cr CROSS JOIN g CROSS JOIN w LEFT JOIN bounds b"
                        + " ON b.email = cr.email WHERE cr.repository = ? AND " + at.condition("cr")
                        + (most ? "" : " AND cr.email = ANY(?)") + " GROUP BY 1, 2, 9, 10",
                rs -> {
                    Integer at = recut.get(rs.getString(1));
                    if (at != null) {
                        segments.get(at).add(new Segment(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6), Rows.instant(rs, "min"), Rows.instant(rs, "max"),
                                rs.getString(9), rs.getBoolean(10)));
                    }
                },
                args.toArray());
        return segments;
    }

    /**
     * Commits and lines added in the history, then those with no blocked contributor: {total, lines, cleared,
     * clearedLines}. The totals add up the segments (every commit has one author); the cleared part asks
     * PostgreSQL only when some segments are blocked and others not, and then walks the smaller side: the commits
     * credited to blocked segments, or those authored in cleared ones.
     */
    long[] cleared(Connection c, List<Segment> all, List<Segment> blocked) throws SQLException {
        long commits = 0, lines = 0;
        for (Segment s : all) {
            commits += s.authored();
            lines += s.authoredLines();
        }
        if (blocked.isEmpty()) {
            return new long[] {commits, lines, commits, lines};
        }
        if (blocked.size() == all.size()) {
            return new long[] {commits, lines, 0, 0};
        }
        Set<Segment> isBlocked = new HashSet<>(blocked);
        List<Segment> cleared = all.stream().filter(s -> !isBlocked.contains(s)).toList();
        long blockedCredits = blocked.stream().mapToLong(Segment::commits).sum();
        long clearedAuthored = cleared.stream().mapToLong(Segment::authored).sum();
        // Split by trivial commits, a blocked segment stands for the others of its stretch only.
        if (trivialLines != null || blockedCredits <= clearedAuthored) {
            long[] counted = credited(c, blocked,
                    trivialLines == null ? "true" : "cr.lines_added > " + trivialLines);
            return new long[] {commits, lines, commits - counted[0], lines - counted[1]};
        }
        long[] counted = new long[2];
        Rows.Reader read = rs -> {
            counted[0] = rs.getLong(1);
            counted[1] = rs.getLong(2);
        };
        Ranges r = ranges(cleared);
        Rows.query(c, "WITH " + RANGES
                + " SELECT count(*), coalesce(sum(co.lines_added), 0) FROM r JOIN contribution co"
                + " ON co.repository = ? AND co.author_email = r.email AND co.authored_at >= r.lo AND co.authored_at < r.hi"
                + " AND " + CREDITED
                + " AND (r.written IS NULL OR coalesce(co.author_raw_email, co.author_email) = r.written)"
                + " WHERE " + at.condition("co") + " AND NOT EXISTS (SELECT 1 FROM contribution_coauthor a"
                + " WHERE a.repository = co.repository AND a.sha = co.sha AND NOT EXISTS (SELECT 1 FROM r ok"
                + " WHERE ok.email = a.email AND a.authored_at >= ok.lo AND a.authored_at < ok.hi"
                + " AND (ok.written IS NULL OR coalesce(a.raw_email, a.email) = ok.written)))",
                read, r.emails, r.lo, r.hi, r.written, repository, cutoff);
        return new long[] {commits, lines, counted[0], counted[1]};
    }

    /**
     * Commits and lines split four ways for a chart: each commit once, in the highest {@code rank} (1 agreement, 2
     * consented, 3 not answered, 4 refused) of the segments credited with it, so that the first two add up to what
     * {@link #cleared} counts. One pass over the history's credits, asked only for a chart.
     */
    ReportModel.Splits split(Connection c, List<Segment> all, List<Integer> ranks) throws SQLException {
        long[][] counted = new long[5][2];
        if (!all.isEmpty()) {
            Ranges r = ranges(all);
            List<String> kinds = ranks.stream().map(String::valueOf).toList();
            List<String> trivial = all.stream().map(s -> String.valueOf(s.trivial())).toList();
            String split = trivialLines == null ? "" : " AND (cr.lines_added <= " + trivialLines + ") = r.t";
            Rows.query(c, "WITH r AS MATERIALIZED (SELECT u.email, u.lo::timestamptz AS lo, u.hi::timestamptz AS hi,"
                    + " u.written, u.k::int AS k, u.t::boolean AS t FROM unnest(?::text[], ?::text[], ?::text[],"
                    + " ?::text[], ?::text[], ?::text[]) AS u(email, lo, hi, written, k, t))"
                    + " SELECT w.k, count(*), coalesce(sum(w.lines), 0) FROM (SELECT cr.sha, max(cr.lines_added) AS"
                    + " lines, max(r.k) AS k FROM r JOIN contribution_credit cr ON cr.repository = ?"
                    + " AND cr.email = r.email AND cr.authored_at >= r.lo AND cr.authored_at < r.hi"
                    + " AND (r.written IS NULL OR cr.raw_email = r.written)" + split + " WHERE "
                    + at.condition("cr") + " GROUP BY cr.sha) w GROUP BY w.k", rs -> {
                        counted[rs.getInt(1)][0] = rs.getLong(2);
                        counted[rs.getInt(1)][1] = rs.getLong(3);
                    }, r.emails, r.lo, r.hi, r.written, Rows.texts(kinds), Rows.texts(trivial), repository, cutoff);
        }
        return new ReportModel.Splits(
                new ReportModel.Split(counted[1][0], counted[2][0], counted[4][0], counted[3][0]),
                new ReportModel.Split(counted[1][1], counted[2][1], counted[4][1], counted[3][1]));
    }

    /**
     * The merges without lines of their own in the report's history, which are credited to no one; a commit listed
     * with neither a {@code Merge:} line nor its parents is never counted here, as whether it is a merge is unknown.
     */
    long mergesLeftOut(Connection c) throws SQLException {
        long[] merges = new long[1];
        Rows.query(c, "SELECT count(*) FROM contribution co WHERE co.repository = ? AND NOT " + CREDITED + " AND "
                + at.condition("co"), rs -> merges[0] = rs.getLong(1), repository, cutoff);
        return merges[0];
    }

    /** The commits cleared as {@code TRIVIAL}, and their lines: those credited to the segments judged so. */
    long[] trivial(Connection c, List<Segment> trivial) throws SQLException {
        return trivial.isEmpty()
                ? new long[2]
                : credited(c, trivial, "cr.lines_added <= " + trivialLines);
    }

    /** The commits, and their lines, credited to {@code segments} whose credit meets {@code condition}. */
    private long[] credited(Connection c, List<Segment> segments, String condition) throws SQLException {
        long[] counted = new long[2];
        Ranges r = ranges(segments);
        Rows.query(c, "WITH " + RANGES + " SELECT count(*), coalesce(sum(lines_added), 0) FROM contribution"
                + " WHERE repository = ? AND sha IN (SELECT cr.sha FROM r JOIN contribution_credit cr"
                + " ON cr.repository = ? AND cr.email = r.email AND cr.authored_at >= r.lo AND cr.authored_at < r.hi"
                + " AND (r.written IS NULL OR cr.raw_email = r.written) AND " + condition
                + " WHERE " + at.condition("cr") + ")", rs -> {
                    counted[0] = rs.getLong(1);
                    counted[1] = rs.getLong(2);
                }, r.emails, r.lo, r.hi, r.written, repository, repository, cutoff);
        return counted;
    }

    /** Segments as the stretches of time they stand for: [lo, hi) of an address. */
    private record Ranges(Rows.Array emails, Rows.Array lo, Rows.Array hi, Rows.Array written) {
    }

    private Ranges ranges(List<Segment> segments) {
        List<String> emails = new ArrayList<>(segments.size());
        List<String> lo = new ArrayList<>(segments.size());
        List<String> hi = new ArrayList<>(segments.size());
        List<String> written = new ArrayList<>(segments.size());
        for (Segment s : segments) {
            written.add(s.written());
            Instant[] bounds = bounds(s.email());
            emails.add(s.email());
            lo.add(s.bucket() == 1 ? "-infinity" : bounds[s.bucket() - 2].toString());
            hi.add(s.bucket() - 1 < bounds.length ? bounds[s.bucket() - 1].toString() : "infinity");
        }
        return new Ranges(Rows.texts(emails), Rows.texts(lo), Rows.texts(hi), Rows.texts(written));
    }

    private Instant[] bounds(String email) {
        return own.getOrDefault(email, global);
    }

    /** The bucket {@code width_bucket} gives {@code at} over "-infinity" followed by {@code bounds}. */
    static int bucket(Instant[] bounds, Instant at) {
        int found = Arrays.binarySearch(bounds, at);
        return (found >= 0 ? found + 1 : -found - 1) + 1;
    }

    /** A PostgreSQL array literal's elements, comma-separated; it starts at -infinity so no bucket is 0. */
    private static String array(Instant[] instants) {
        StringBuilder text = new StringBuilder("-infinity");
        for (Instant i : instants) {
            text.append(',').append(i);
        }
        return text.toString();
    }
}
