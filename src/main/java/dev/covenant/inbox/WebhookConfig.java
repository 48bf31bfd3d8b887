package dev.covenant.inbox;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** The webhook endpoint's settings. */
@ConfigMapping(prefix = "covenant.github")
public interface WebhookConfig {

    /** The secret GitHub signs deliveries with (the App's webhook secret); unset, every delivery is refused. */
    Optional<String> webhookSecret();
}
