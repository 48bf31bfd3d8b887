package dev.covenant.inbox;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import dev.covenant.jobs.RetryLater;

/**
 * A handler for a test-only event whose payload scripts what happens: {@code {"failTimes": 2, "kind": "retry"}}
 * fails twice with a retryable fault, {@code "kind": "fatal"} fails for good. It records each successful run.
 */
@ApplicationScoped
public class ScriptedHandler implements DeliveryHandler {

    static final String EVENT = "covenant_test";

    private final List<String> completed = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> failures = new ConcurrentHashMap<>();

    /** Through a method: the test holds a client proxy, whose fields are not the bean's. */
    List<String> completed() {
        return completed;
    }

    @Override
    public Set<String> events() {
        return Set.of(EVENT);
    }

    @Override
    public void handle(String deliveryId, String event, String action, JsonNode payload) {
        int failTimes = payload.path("failTimes").asInt(0);
        int failedSoFar = failures.getOrDefault(deliveryId, 0);
        if (failedSoFar < failTimes) {
            failures.put(deliveryId, failedSoFar + 1);
            if ("fatal".equals(payload.path("kind").asText())) {
                throw new IllegalArgumentException("scripted fatal failure");
            }
            throw new RetryLater("scripted 502 from GitHub", null);
        }
        completed.add(deliveryId);
    }
}
