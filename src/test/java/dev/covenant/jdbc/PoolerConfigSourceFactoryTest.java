package dev.covenant.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The driver prepares nothing on the server exactly when a transaction-mode pooler is declared, unless told. */
class PoolerConfigSourceFactoryTest {

    private static Optional<String> threshold(String pooler, String operators) {
        Map<String, String> given = new HashMap<>();
        if (pooler != null) {
            given.put("covenant.database.pooler", pooler);
        }
        if (operators != null) {
            given.put(PoolerConfigSourceFactory.PREPARE_THRESHOLD, operators);
        }
        SmallRyeConfig config = new SmallRyeConfigBuilder().withSources(new PropertiesConfigSource(given, "env", 300))
                .withSources(new PoolerConfigSourceFactory()).build();
        return config.getOptionalValue(PoolerConfigSourceFactory.PREPARE_THRESHOLD, String.class);
    }

    @ParameterizedTest
    @CsvSource(nullValues = "-", value = {
            "transaction, -, 0",
            "TRANSACTION, -, 0",
            "' transaction ', -, 0",
            "none, -, -",
            "-, -, -",
            "transaction, 5, 5",
    })
    void theThresholdFollowsTheSetting(String pooler, String operators, String expected) {
        assertEquals(Optional.ofNullable(expected), threshold(pooler, operators));
    }
}
