package dev.covenant.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Demo mode: the whole loop on one machine, with a stand-in for GitHub inside the service (docs/demo.md). */
@ConfigMapping(prefix = "covenant.demo")
public interface DemoConfig {

    /**
     * {@code COVENANT_DEMO}: run as a loopback-only demo. Refused at start when a GitHub App is configured or
     * {@code COVENANT_PUBLIC_URL} is not a loopback address.
     */
    @WithDefault("false")
    boolean enabled();
}
