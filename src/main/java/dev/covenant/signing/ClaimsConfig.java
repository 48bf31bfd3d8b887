package dev.covenant.signing;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Claims of commit addresses, proved by a one-time code mailed to the address. */
@ConfigMapping(prefix = "covenant.claims")
public interface ClaimsConfig {

    /** How long a mailed code can be entered. */
    @WithDefault("PT15M")
    Duration codeValidity();

    /** How many wrong codes lock a claim. */
    @WithDefault("5")
    int maxWrongCodes();

    /** How long a claim stays locked after too many wrong codes. */
    @WithDefault("PT1H")
    Duration lockout();

    /** How many codes one person may have mailed in an hour, across all the addresses they claim. */
    @WithDefault("10")
    int maxCodesPerHour();
}
