package dev.covenant.relicensing.campaign;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Consent campaigns. */
@ConfigMapping(prefix = "covenant.campaigns")
public interface CampaignConfig {

    /** How many of their newest commits a contributor's consent page lists (the count and dates cover all). */
    @WithDefault("20")
    int commitsShown();
}
