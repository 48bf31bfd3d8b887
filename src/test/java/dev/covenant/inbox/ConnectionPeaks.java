package dev.covenant.inbox;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/**
 * The most connections each instance held at once on the storm's database, sampled from {@code pg_stat_activity}
 * every 100 ms by {@code application_name} (each instance's JDBC URL names itself): what sizing the pool against
 * {@code max_connections} is about.
 */
final class ConnectionPeaks implements AutoCloseable {

    private final Map<String, Integer> peaks = new TreeMap<>();
    private final Thread sampler;
    private volatile boolean running = true;
    private volatile String failure;

    ConnectionPeaks(StormDatabase database) {
        sampler = new Thread(() -> sample(database), "storm-connection-peaks");
        sampler.setDaemon(true);
        sampler.start();
    }

    private void sample(StormDatabase database) {
        try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), "");
                Statement s = c.createStatement()) {
            while (running) {
                try (ResultSet rows = s.executeQuery("SELECT application_name, count(*) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND application_name LIKE 'covenant-%'"
                        + " GROUP BY application_name")) {
                    while (rows.next()) {
                        synchronized (peaks) {
                            peaks.merge(rows.getString(1), rows.getInt(2), Math::max);
                        }
                    }
                }
                Thread.sleep(100);
            }
        } catch (SQLException e) {
            failure = e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Application name to its peak, so far. */
    Map<String, Integer> peaks() {
        if (failure != null) {
            throw new AssertionError("sampling pg_stat_activity failed: " + failure);
        }
        synchronized (peaks) {
            return Map.copyOf(peaks);
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        sampler.join(2000);
    }
}
