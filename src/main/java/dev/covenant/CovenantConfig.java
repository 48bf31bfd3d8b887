package dev.covenant;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Service-wide settings; each capability with settings of its own has its own mapping. */
@ConfigMapping(prefix = "covenant")
public interface CovenantConfig {

    /** The service's public base URL, used in links it sends out (PR comments, e-mails, receipts). */
    @WithDefault("http://localhost:8080")
    String publicUrl();

    /** A bootstrap admin API token; unset, one is generated and printed once at first start. */
    Optional<String> adminToken();

    /**
     * Whether {@code /q/metrics} answers without the admin token ({@code COVENANT_METRICS_PUBLIC}); by default a
     * scraper sends {@code Authorization: Bearer <admin token>}.
     */
    @WithDefault("false")
    boolean metricsPublic();

    /** Where the embedded PostgreSQL keeps its data (read before Quarkus starts; see CovenantMain). */
    @WithDefault("${user.home}/.covenant")
    String dataDir();
}
