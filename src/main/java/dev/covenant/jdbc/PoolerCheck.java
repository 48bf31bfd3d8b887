package dev.covenant.jdbc;

import java.sql.SQLException;
import java.util.Optional;

import jakarta.inject.Singleton;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import org.flywaydb.core.api.configuration.FluentConfiguration;
import org.jboss.logging.Logger;

/**
 * Before anything else touches the database (Flyway's migration at start is the first), refuses to start when the
 * connections go through a transaction-mode pooler that {@code covenant.database.pooler} does not declare: there the
 * driver's server-side prepared statements and the workers' LISTEN would fail later, in ways that name neither the
 * pooler nor the setting. A Flyway customizer because Flyway migrates before any start-up observer runs.
 */
@Singleton
public class PoolerCheck implements FlywayConfigurationCustomizer {

    private static final Logger LOG = Logger.getLogger(PoolerCheck.class);

    private final DatabaseConfig config;

    PoolerCheck(DatabaseConfig config) {
        this.config = config;
    }

    @Override
    public void customize(FluentConfiguration configuration) {
        if (config.sharedSessions()) {
            LOG.infof("Connections go through a transaction-mode pooler (covenant.database.pooler=transaction): workers"
                    + " poll every %s instead of listening, and no statement is prepared on the server",
                    config.poolerPollInterval());
            return;
        }
        Optional<String> seen;
        try {
            seen = SharedSessionProbe.sharedSessions(configuration.getDataSource());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not look at the database connections before migrating: "
                    + e.getMessage(), e);
        }
        seen.ifPresent(evidence -> {
            String refusal = refusal(evidence);
            LOG.error(refusal);
            throw new IllegalStateException(refusal);
        });
    }

    static String refusal(String evidence) {
        return "The database connections go through a connection pooler in transaction mode (PgBouncer's pool_mode ="
                + " transaction): " + evidence + ". Covenant's wake-ups (LISTEN) and the driver's server-side prepared"
                + " statements do not work there. Set COVENANT_DATABASE_POOLER=transaction (covenant.database.pooler),"
                + " or connect to PostgreSQL directly or through a pool in session mode; see docs/operators.md,"
                + " \"Through a connection pooler\".";
    }
}
