package dev.covenant.jdbc;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the service reaches PostgreSQL: directly, or through a connection pooler that shares server sessions. */
@ConfigMapping(prefix = "covenant.database")
public interface DatabaseConfig {

    /** What sits between the service and PostgreSQL. */
    enum Pooler {
        /** Each connection is a PostgreSQL session of its own (directly, or a pooler in session mode). */
        NONE,
        /**
         * A pooler in transaction mode (PgBouncer's {@code pool_mode = transaction}): consecutive transactions of one
         * connection may run in different server sessions, so nothing may live in a session between them.
         */
        TRANSACTION
    }

    /**
     * {@code transaction} when connections go through a transaction-mode pooler: wake-ups then come from polling
     * instead of LISTEN, and the JDBC driver prepares no statements on the server.
     */
    @WithDefault("none")
    Pooler pooler();

    /**
     * Through a transaction-mode pooler, how often the delivery worker and the job runner look for new work (the
     * shorter of this and their own poll interval): the longest a delivery or a job waits before it is taken.
     */
    @WithDefault("PT1S")
    Duration poolerPollInterval();

    /** Whether the server sessions are shared between transactions. */
    default boolean sharedSessions() {
        return pooler() == Pooler.TRANSACTION;
    }
}
