package dev.covenant.inbox;

import java.time.Duration;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.quarkus.runtime.configuration.MemorySizeConverter;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithConverter;
import io.smallrye.config.WithDefault;

/** The webhook endpoint's settings. */
@ConfigMapping(prefix = "covenant.github")
public interface WebhookConfig {

    /** The secret GitHub signs deliveries with (the App's webhook secret); unset, every delivery is refused. */
    Optional<String> webhookSecret();

    /** The largest webhook body; GitHub caps its payloads at 25 MiB. A larger one is 413. */
    @WithDefault("25M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize webhookMaxBody();

    /**
     * The webhook bytes this instance holds in memory at once, over all requests being read; a request that would go
     * past it is answered 503 with {@code Retry-After} before its body is read.
     */
    @WithDefault("64M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize webhookInFlight();

    /**
     * The part of {@link #webhookInFlight()} kept for bodies of at most 1 MiB (nearly every real delivery), so that
     * large posts cannot hold up ordinary deliveries.
     */
    @WithDefault("16M")
    @WithConverter(MemorySizeConverter.class)
    MemorySize webhookInFlightSmall();

    /** The {@code Retry-After} given with a 503 when the in-flight budget is spent. */
    @WithDefault("PT5S")
    Duration webhookRetryAfter();
}
