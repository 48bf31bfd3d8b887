package dev.covenant.demo;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * In demo mode, points the service's real GitHub code at the stand-in inside the service and gives it an App of its
 * own: a fresh RSA key, a random webhook secret and OAuth client secret on every start; and listens on loopback only
 * ({@code quarkus.http.host}), since anyone who reaches a demo may sign in as anyone. Registered in {@code
 * META-INF/services}; outside demo mode it adds nothing. {@link DemoMode} refuses to start when the operator set any
 * of these, so this source never hides a real App.
 */
public class DemoConfigSourceFactory implements ConfigSourceFactory {

    /** Above the environment (300) and system properties (400). */
    static final int ORDINAL = 500;
    static final String NAME = "Covenant demo mode";
    static final long APP_ID = 1;
    static final String CLIENT_ID = "Iv1.demo";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (!enabled(context)) {
            return List.of();
        }
        SecureRandom random = new SecureRandom();
        ConfigValue publicUrl = context.getValue("covenant.public-url");
        return List.of(new MapBackedConfigSource(NAME, Map.of(
                // Loopback only, whatever QUARKUS_HTTP_HOST says: in the demo anyone who reaches it signs in as anyone.
                "quarkus.http.host", bindHost(publicUrl == null ? null : publicUrl.getValue()),
                "covenant.github.app-id", Long.toString(APP_ID),
                "covenant.github.app-private-key", privateKeyPem(random),
                "covenant.github.client-id", CLIENT_ID,
                "covenant.github.client-secret", secret(random),
                "covenant.github.webhook-secret", secret(random),
                "covenant.github.api-url", "${covenant.public-url:http://localhost:8080}" + DemoGitHubRoutes.API,
                "covenant.github.web-url", "${covenant.public-url:http://localhost:8080}" + DemoGitHubRoutes.WEB),
                ORDINAL) {
        });
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(ORDINAL);
    }

    /** {@code covenant.demo.enabled}, or {@code COVENANT_DEMO} (which application.properties maps onto it). */
    static boolean enabled(ConfigSourceContext context) {
        for (String name : new String[] {"covenant.demo.enabled", "covenant.demo"}) {
            ConfigValue value = context.getValue(name);
            String text = value == null ? null : value.getValue();
            if (text != null && !text.startsWith("${")) {
                return Boolean.parseBoolean(text.strip());
            }
        }
        return false;
    }

    /** The loopback address to listen on: ::1 when the public URL names it, else 127.0.0.1. */
    static String bindHost(String publicUrl) {
        return publicUrl != null && publicUrl.contains("[::1]") ? "::1" : "127.0.0.1";
    }

    private static String secret(SecureRandom random) {
        byte[] bytes = new byte[24];
        random.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static String privateKeyPem(SecureRandom random) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048, random);
            KeyPair keys = generator.generateKeyPair();
            return "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(keys.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("RSA is missing from this JVM", e);
        }
    }
}
