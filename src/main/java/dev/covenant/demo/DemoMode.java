package dev.covenant.demo;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.annotation.Priority;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.config.SmallRyeConfig;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import dev.covenant.CovenantConfig;
import dev.covenant.web.Layout;

/**
 * At start: tells every page whether this is a demo, and in demo mode refuses to go on beside a real GitHub App or
 * off loopback ({@link DemoRefusal}: the start fails with the reason, so the process exits non-zero), then seeds the
 * demo project. Runs after the shipped agreements are loaded.
 */
@Singleton
public class DemoMode {

    private static final Logger LOG = Logger.getLogger(DemoMode.class);

    /** First of all start-up work, so that a refused start does not get as far as the workers. */
    void refuse(@Observes @Priority(1) StartupEvent event, DemoConfig demo, CovenantConfig config) {
        Layout.demo(demo.enabled());
        if (!demo.enabled()) {
            return;
        }
        Optional<String> refusal = DemoRefusal.check(config.publicUrl(), operatorSettings());
        if (refusal.isPresent()) {
            LOG.error(refusal.get());
            throw new IllegalStateException(refusal.get());
        }
        LOG.infof("DEMO MODE: GitHub is a stand-in inside this service; open %s and sign in with any user name",
                config.publicUrl());
    }

    /** After the shipped agreements are loaded. */
    void seed(@Observes @Priority(3000) StartupEvent event, DemoConfig demo, DemoSeed seed) {
        if (demo.enabled()) {
            seed.seed();
        }
    }

    /** The App settings as the operator gave them: every source but demo mode's own, the active profiles applied. */
    static Map<String, String> operatorSettings() {
        SmallRyeConfig config = ConfigProvider.getConfig().unwrap(SmallRyeConfig.class);
        List<String> profiles = config.getProfiles();
        Map<String, String> settings = new HashMap<>();
        for (String property : DemoRefusal.APP_SETTINGS.keySet()) {
            value(config, profiles, property).ifPresent(v -> settings.put(property, v));
        }
        return settings;
    }

    /** The highest-ordinal value, as SmallRye would pick it, leaving out demo mode's own source. */
    private static Optional<String> value(SmallRyeConfig config, List<String> profiles, String property) {
        for (ConfigSource source : config.getConfigSources()) {
            if (DemoConfigSourceFactory.NAME.equals(source.getName())) {
                continue;
            }
            for (String profile : profiles) {
                String profiled = source.getValue("%" + profile + "." + property);
                if (profiled != null) {
                    return Optional.of(profiled);
                }
            }
            String plain = source.getValue(property);
            if (plain != null) {
                return Optional.of(plain);
            }
        }
        return Optional.empty();
    }
}
