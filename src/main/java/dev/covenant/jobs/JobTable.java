package dev.covenant.jobs;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;

import io.agroal.api.AgroalDataSource;

import dev.covenant.jdbc.Rows;

/**
 * The statements of a job kind's own table ({@code history_import}, {@code blame_job}): each on its own pooled
 * connection and committed at once, so progress shows while the job's own transaction is still open; errors name
 * the table. Reads join the kind's row to its {@code job} through {@link JobStatus#COLUMNS}.
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
        try (Connection c = dataSource.getConnection()) {
            return update(c, sql, args);
        } catch (SQLException e) {
            throw new IllegalStateException(table + ": " + e.getMessage(), e);
        }
    }

    /** The same on the caller's connection, e.g. in the transaction that creates the job ({@link JobQueue#create}). */
    public long update(Connection c, String sql, Object... args) throws SQLException {
        if (sql.contains("RETURNING")) {
            return Rows.first(c, sql, rs -> rs.getLong(1), args).orElseThrow();
        }
        return Rows.update(c, sql, args);
    }

    public List<T> query(String sql, Object... args) {
        try (Connection c = dataSource.getConnection()) {
            return Rows.list(c, sql, mapper::map, args);
        } catch (SQLException e) {
            throw new IllegalStateException(table + ": " + e.getMessage(), e);
        }
    }
}
