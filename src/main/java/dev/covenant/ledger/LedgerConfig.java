package dev.covenant.ledger;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The ledger's settings. */
@ConfigMapping(prefix = "covenant.ledger")
public interface LedgerConfig {

    /** How often each instance checks that today's signed head entry is written (one is written per UTC day). */
    @WithDefault("1h")
    Duration headCheck();
}
