package dev.covenant.demo;

import java.util.HashMap;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * Demo mode on, for the demo's test classes (sharing this one profile, so Quarkus restarts once for them). The fake
 * GitHub's App settings that every other test uses are blanked: demo mode refuses to start beside a real App.
 */
public class DemoProfile implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>();
        config.put("covenant.demo.enabled", "true");
        DemoRefusal.APP_SETTINGS.keySet().forEach(property -> config.put(property, ""));
        return config;
    }
}
