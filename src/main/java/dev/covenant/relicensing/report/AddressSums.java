package dev.covenant.relicensing.report;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import dev.covenant.jdbc.Rows;

/**
 * What one address contributed to a repository, summed as commits arrive ({@code contribution_address}, kept by the
 * writers of contributions through {@code ContributionSums}): the commits credited to it as author or co-author and
 * their lines, those it authored and theirs, its first and last contribution. Sums over the whole history, whatever
 * the report's cutoff.
 */
record AddressSums(String email, long commits, long linesAdded, long authored, long authoredLines, Instant first,
        Instant last) {

    private static final String COLUMNS = "SELECT email, commits, lines_added, authored, authored_lines, first_at,"
            + " last_at FROM contribution_address WHERE repository = ? AND first_at <= ?";

    /** Every address of the repository with a contribution up to {@code cutoff}. */
    static List<AddressSums> of(Connection c, String repository, Instant cutoff) throws SQLException {
        List<AddressSums> addresses = new ArrayList<>();
        Rows.query(c, COLUMNS, rs -> addresses.add(read(rs)), repository, cutoff);
        return addresses;
    }

    /** The addresses of one GitHub account ({@link AccountAddresses}). */
    static List<AddressSums> ofAccount(Connection c, String repository, Instant cutoff, long githubId)
            throws SQLException {
        List<String> mine = AccountAddresses.of(c, repository, cutoff, githubId);
        List<AddressSums> addresses = new ArrayList<>(mine.size());
        if (!mine.isEmpty()) {
            Rows.query(c, COLUMNS + " AND email = ANY(?)", rs -> addresses.add(read(rs)), repository, cutoff,
                    Rows.texts(mine));
        }
        return addresses;
    }

    private static AddressSums read(ResultSet rs) throws SQLException {
        return new AddressSums(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                Rows.instant(rs, "first_at"), Rows.instant(rs, "last_at"));
    }
}
