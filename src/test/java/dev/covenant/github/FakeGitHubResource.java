package dev.covenant.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.security.KeyPair;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One fake GitHub per test JVM, and the service pointed at it. The service's HTTP port is fixed here too, because
 * the sign-in callback URL GitHub redirects to must name the port the service really listens on.
 */
public class FakeGitHubResource implements QuarkusTestResourceLifecycleManager {

    /** The GitHub App the service is configured as, registered with the fake. */
    public static final long APP_ID = 424242;

    private static FakeGitHub fake;
    private static int port;
    private static String privateKeyPem;

    @Override
    public synchronized Map<String, String> start() {
        if (fake == null) {
            fake = FakeGitHub.start();
            port = freePort();
            KeyPair keys = FakeAppFixture.keys();
            fake.registerApp(APP_ID, keys.getPublic());
            privateKeyPem = FakeAppFixture.pkcs8Pem(keys);
        }
        return Map.ofEntries(
                Map.entry("covenant.github.app-id", Long.toString(APP_ID)),
                Map.entry("covenant.github.app-private-key", privateKeyPem),
                Map.entry("covenant.github.api-url", fake.apiUrl()),
                Map.entry("covenant.github.web-url", fake.webUrl()),
                Map.entry("covenant.github.client-id", FakeGitHub.CLIENT_ID),
                Map.entry("covenant.github.client-secret", FakeGitHub.CLIENT_SECRET),
                Map.entry("covenant.github.timeout-seconds", "3"),
                Map.entry("quarkus.http.test-port", Integer.toString(port)),
                Map.entry("covenant.public-url", "http://localhost:" + port));
    }

    @Override
    public void stop() {
    }

    public static FakeGitHub fake() {
        return fake;
    }

    public static String serviceUrl() {
        return "http://localhost:" + port;
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
