package dev.covenant.inbox;

import java.util.OptionalLong;

import jakarta.enterprise.context.ApplicationScoped;

import dev.covenant.api.LargeBodies;

/**
 * {@code POST /github/webhook} takes up to {@link WebhookConfig#webhookMaxBody()} (25 MiB), GitHub's largest
 * payload; a chunked body is allowed and counted by {@link SignedBody} as it arrives.
 */
@ApplicationScoped
public class WebhookBodyLimit implements LargeBodies {

    static final String PATH = "/github/webhook";

    private final WebhookConfig config;

    WebhookBodyLimit(WebhookConfig config) {
        this.config = config;
    }

    @Override
    public OptionalLong limit(String method, String path) {
        return "POST".equals(method) && PATH.equals(path)
                ? OptionalLong.of(config.webhookMaxBody().asLongValue())
                : OptionalLong.empty();
    }
}
