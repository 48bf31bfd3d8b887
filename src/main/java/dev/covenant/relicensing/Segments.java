package dev.covenant.relicensing;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import dev.covenant.project.LicenseHistory;
import dev.covenant.relicensing.ReportModel.Segment;

/**
 * The report's two aggregates, done by PostgreSQL over the whole history at once: the contributions credited to
 * each address (as author or co-author) summed per stretch of time between the instants where a fact may change
 * (license history dates for everyone, plus each person's own signing, revocation and approval dates), found with
 * {@code width_bucket}; and, once the decision named the blocked stretches, how many commits and lines are cleared.
 */
final class Segments {

    // The bounds are parsed once here: a text-to-timestamptz cast is not constant-folded, so inline it would run per row.
    private static final String BOUNDS = "g AS MATERIALIZED (SELECT string_to_array(?, ',')::timestamptz[] AS b),"
            + " bounds AS (SELECT u.email, string_to_array(u.b, ',')::timestamptz[] AS b"
            + " FROM unnest(?::text[], ?::text[]) AS u(email, b))";
    private static final String CREDIT = "credit AS (SELECT sha, author_email AS email, authored_at, lines_added,"
            + " 1 AS authored FROM contribution WHERE repository = ? AND authored_at <= ? UNION ALL"
            + " SELECT sha, email, authored_at, lines_added, 0 FROM contribution_coauthor"
            + " WHERE repository = ? AND authored_at <= ?)";
    private static final String BUCKET = "width_bucket(cr.authored_at, coalesce(b.b, g.b))";
    private static final String FROM_CREDIT = " FROM credit cr CROSS JOIN g LEFT JOIN bounds b ON b.email = cr.email";

    private final List<String> emails = new ArrayList<>();
    private final List<String> bounds = new ArrayList<>();
    private final String global;
    private final String repository;
    private final Instant cutoff;

    /** {@code grants} by address: each address's own boundaries join the license history's. */
    Segments(String repository, Instant cutoff, LicenseHistory licenses, Map<String, List<Grant>> grants) {
        this.repository = repository;
        this.cutoff = cutoff;
        TreeSet<Instant> common = new TreeSet<>();
        licenses.entries().forEach(e -> common.add(e.from().atStartOfDay(ZoneOffset.UTC).toInstant()));
        this.global = array(common);
        grants.forEach((email, list) -> {
            if (!list.isEmpty()) {
                TreeSet<Instant> own = new TreeSet<>(common);
                list.forEach(g -> own.addAll(g.boundaries()));
                emails.add(email);
                bounds.add(array(own));
            }
        });
    }

    List<Segment> credited(Connection c) throws SQLException {
        List<Segment> segments = new ArrayList<>();
        Rows.query(c, "WITH " + BOUNDS + ", " + CREDIT + " SELECT cr.email, " + BUCKET + " AS bucket, count(*),"
                + " sum(cr.authored), sum(cr.lines_added), min(cr.authored_at), max(cr.authored_at)" + FROM_CREDIT
                + " GROUP BY 1, 2",
                rs -> segments.add(new Segment(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                        rs.getLong(5), Rows.instant(rs, "min"), Rows.instant(rs, "max"))),
                global, Rows.texts(emails), Rows.texts(bounds), repository, cutoff, repository, cutoff);
        return segments;
    }

    /**
     * Commits and lines added in the history, then those with no blocked contributor: {total, lines, cleared,
     * clearedLines}. {@code all} is the number of segments; when every one is blocked nothing is cleared, without
     * asking PostgreSQL.
     */
    long[] cleared(Connection c, List<Segment> blocked, int all) throws SQLException {
        long[] totals = new long[4];
        Rows.query(c, "SELECT count(*), coalesce(sum(lines_added), 0) FROM contribution WHERE repository = ?"
                + " AND authored_at <= ?", rs -> {
                    totals[0] = rs.getLong(1);
                    totals[1] = rs.getLong(2);
                }, repository, cutoff);
        long[] blockedTotals = new long[2];
        if (blocked.size() == all) {
            blockedTotals[0] = totals[0];
            blockedTotals[1] = totals[1];
        } else if (!blocked.isEmpty()) {
            Rows.query(c, "WITH " + BOUNDS + ", " + CREDIT + ", blocked AS (SELECT * FROM unnest(?::text[], ?::int[])"
                    + " AS u(email, bucket)) SELECT count(*), coalesce(sum(lines_added), 0) FROM contribution"
                    + " WHERE repository = ? AND sha IN (SELECT cr.sha" + FROM_CREDIT + " JOIN blocked bl"
                    + " ON bl.email = cr.email AND bl.bucket = " + BUCKET + ")",
                    rs -> {
                        blockedTotals[0] = rs.getLong(1);
                        blockedTotals[1] = rs.getLong(2);
                    }, global, Rows.texts(emails), Rows.texts(bounds), repository, cutoff, repository, cutoff,
                    Rows.texts(blocked.stream().map(Segment::email).toList()),
                    new Rows.Array("integer", blocked.stream().map(Segment::bucket).toList()), repository);
        }
        totals[2] = totals[0] - blockedTotals[0];
        totals[3] = totals[1] - blockedTotals[1];
        return totals;
    }

    /** A PostgreSQL array literal's elements, comma-separated; it starts at -infinity so no bucket is 0. */
    private static String array(TreeSet<Instant> instants) {
        StringBuilder text = new StringBuilder("-infinity");
        instants.forEach(i -> text.append(',').append(i));
        return text.toString();
    }
}
