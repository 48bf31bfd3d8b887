package dev.covenant.jobs;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

import io.agroal.api.AgroalDataSource;

/**
 * The statements of a background job's table ({@code history_import}, {@code blame_job}): each on its own pooled
 * connection and committed at once, so progress shows while the job's own transaction is still open; errors name
 * the table.
 */
public final class JobTable<T> {

    /** Reads one job from the current row. */
    public interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private final AgroalDataSource dataSource;
    private final String table;
    private final Mapper<T> mapper;

    public JobTable(AgroalDataSource dataSource, String table, Mapper<T> mapper) {
        this.dataSource = dataSource;
        this.table = table;
        this.mapper = mapper;
    }

    /** Rows changed, or the first column of a {@code RETURNING} statement's row. */
    public long update(String sql, Object... args) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = prepare(c, sql, args)) {
            if (sql.contains("RETURNING")) {
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1);
                }
            }
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(table + ": " + e.getMessage(), e);
        }
    }

    public List<T> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = prepare(c, sql, args);
                ResultSet rs = ps.executeQuery()) {
            List<T> jobs = new ArrayList<>();
            while (rs.next()) {
                jobs.add(mapper.map(rs));
            }
            return jobs;
        } catch (SQLException e) {
            throw new IllegalStateException(table + ": " + e.getMessage(), e);
        }
    }

    /** Marks the jobs this instance holds (queued or running) as alive at {@code now}. */
    public void heartbeat(Collection<Long> ids, Instant now) {
        if (ids.isEmpty()) {
            return;
        }
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("UPDATE " + table
                        + " SET updated_at = ? WHERE id = ANY(?) AND state IN ('QUEUED', 'RUNNING')")) {
            ps.setTimestamp(1, Timestamp.from(now));
            ps.setArray(2, c.createArrayOf("bigint", ids.toArray()));
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException(table + ": " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection c, String sql, Object... args) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql);
        for (int i = 0; i < args.length; i++) {
            ps.setObject(i + 1, args[i]);
        }
        return ps;
    }
}
