package dev.covenant.relicensing.report;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import dev.covenant.api.InvalidInputException;
import dev.covenant.jdbc.Rows;

/**
 * The report's {@code at}: the commits a commit of the imported history reaches (its sha, or an unambiguous prefix
 * of at least 7 digits), as {@code git rev-list <sha>} lists them ({@link Ancestry}); or the contributions authored
 * up to the end of a day ({@code 2024-05-31}, UTC) or up to an instant ({@code 2024-05-31T12:00:00Z}). Anything
 * else, an unknown commit, or a moment before the first contribution is refused naming {@code at}; a commit of a
 * history imported without parents is a 409 saying to import it again. {@code instant} is the date of a cut at a
 * date, or of the commit cut at; {@code cut} is null for a cut at a date.
 */
record ReportCutoff(Instant instant, String commit, Ancestry.Cut cut) {

    static final Instant NONE = OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC).toInstant();
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{7,64}");

    /** Whether {@code at} names a commit (a sha or a prefix of one) rather than a date. */
    static boolean namesCommit(String at) {
        return at != null && SHA.matcher(at.strip().toLowerCase(Locale.ROOT)).matches();
    }

    static ReportCutoff of(Connection c, String repository, String at) throws SQLException {
        if (at == null || at.isBlank()) {
            return new ReportCutoff(NONE, null, null);
        }
        String text = at.strip().toLowerCase(Locale.ROOT);
        if (SHA.matcher(text).matches()) {
            List<Object[]> found = new ArrayList<>();
            Rows.query(c, "SELECT sha, authored_at FROM contribution WHERE repository = ? AND sha LIKE ?"
                    + " AND pull_request IS NULL LIMIT 2",
                    rs -> found.add(new Object[] {rs.getString(1), Rows.instant(rs, "authored_at")}), repository,
                    text + "%");
            if (found.size() != 1) {
                throw InvalidInputException.of("at", found.isEmpty()
                        ? "names no commit of the imported history"
                        : "is an ambiguous commit prefix; give more digits");
            }
            String sha = (String) found.get(0)[0];
            return new ReportCutoff((Instant) found.get(0)[1], sha, Ancestry.cut(c, repository, sha));
        }
        Instant instant = parse(at.strip());
        long before = count(c, repository, instant);
        if (before == 0) {
            throw InvalidInputException.of("at", "is before the first contribution of the imported history");
        }
        return new ReportCutoff(instant, null, null);
    }

    /** The date up to which contributions count: that of a cut at a date, and no limit for a cut at a commit. */
    Instant upTo() {
        return cut == null ? instant : NONE;
    }

    /** Whether an address's sums over the whole history may stand for its contributions in the report. */
    boolean keepsWhole(AddressSums address) {
        return cut == null ? !address.last().isAfter(instant) : cut.listed() == Ancestry.Listed.NONE;
    }

    /** The SQL condition that keeps a credit or commit ({@code alias}) in the report; its one argument is {@link #upTo}. */
    String condition(String alias) {
        String date = alias + ".authored_at <= ?";
        return cut == null ? date : "(" + cut.condition(alias) + " AND " + date + ")";
    }

    private static Instant parse(String text) {
        try {
            if (text.length() == 10) {
                return LocalDate.parse(text).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000);
            }
            return OffsetDateTime.parse(text).toInstant();
        } catch (DateTimeException e) {
            throw InvalidInputException.of("at", "is neither a commit sha nor a date (2024-05-31) or instant"
                    + " (2024-05-31T12:00:00Z)");
        }
    }

    private static long count(Connection c, String repository, Instant instant) throws SQLException {
        long[] n = new long[1];
        Rows.query(c, "SELECT count(*) FROM (SELECT 1 FROM contribution WHERE repository = ? AND authored_at <= ?"
                + " LIMIT 1) x", rs -> n[0] = rs.getLong(1), repository, instant);
        return n[0];
    }
}
