package dev.covenant.checks;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import org.hibernate.resource.jdbc.spi.StatementInspector;

import dev.covenant.jdbc.Database;
import dev.covenant.jdbc.StatementListener;

/**
 * Counts the SQL statements Hibernate sends (entity queries and native ones alike) and those prepared on connections
 * from {@link Database}, by thread, so a test can tell what one delivery cost the database. The worker's idle polling
 * for due deliveries is left out.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class SqlCounter implements StatementInspector {

    private static final Map<String, AtomicLong> BY_THREAD = new ConcurrentHashMap<>();
    /** The statements of a claim (DeliveryQueue.claim), which idle polling runs too. */
    private static final java.util.regex.Pattern CLAIM = java.util.regex.Pattern.compile(
            "SET LOCAL plan_cache_mode|SELECT delivery_id FROM delivery WHERE event = ANY|UPDATE delivery SET state = 'PROCESSING'");

    /** The statements of Covenant's own JDBC helper, counted the same way. */
    @ApplicationScoped
    static class OwnStatements implements StatementListener {

        @Override
        public void prepared(String sql) {
            new SqlCounter().inspect(sql);
        }
    }

    @Override
    public String inspect(String sql) {
        if (!CLAIM.matcher(sql).lookingAt()) {
            BY_THREAD.computeIfAbsent(Thread.currentThread().getName(), t -> new AtomicLong()).incrementAndGet();
        }
        return sql;
    }

    /** Statements by every thread whose name starts with {@code prefix}. */
    public static long count(String prefix) {
        return BY_THREAD.entrySet().stream().filter(e -> e.getKey().startsWith(prefix))
                .mapToLong(e -> e.getValue().get()).sum();
    }
}
