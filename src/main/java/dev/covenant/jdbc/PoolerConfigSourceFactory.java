package dev.covenant.jdbc;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Through a transaction-mode pooler ({@code covenant.database.pooler=transaction}), has the JDBC driver prepare no
 * statement on the server ({@code prepareThreshold=0}): a named prepared statement lives in one server session, and
 * the pooler may run the connection's next transaction in another, where it does not exist (PgBouncer before 1.21
 * does not carry them over; Debian 12 ships 1.18). Below every other source, so an operator's own value wins; a
 * {@code prepareThreshold} in the JDBC URL wins too. Registered in {@code META-INF/services}; adds nothing otherwise.
 */
public class PoolerConfigSourceFactory implements ConfigSourceFactory {

    static final String PREPARE_THRESHOLD = "quarkus.datasource.jdbc.additional-jdbc-properties.prepareThreshold";
    /** Below application.properties (250) and the environment (300). */
    private static final int ORDINAL = 50;

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!transactionMode(context.getValue("covenant.database.pooler"))) {
            return List.of();
        }
        return List.of(new MapBackedConfigSource("Covenant behind a transaction-mode pooler",
                Map.of(PREPARE_THRESHOLD, "0"), ORDINAL) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    static boolean transactionMode(ConfigValue value) {
        String text = value == null ? null : value.getValue();
        return text != null && text.strip().toLowerCase(Locale.ROOT).equals("transaction");
    }
}
