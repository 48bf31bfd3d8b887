package dev.covenant.github;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * One fake GitHub per test JVM, and the service pointed at it. The service's HTTP port is fixed here too, because
 * the sign-in callback URL GitHub redirects to must name the port the service really listens on.
 */
public class FakeGitHubResource implements QuarkusTestResourceLifecycleManager {

    private static FakeGitHub fake;
    private static int port;

    @Override
    public synchronized Map<String, String> start() {
        if (fake == null) {
            fake = FakeGitHub.start();
            port = freePort();
        }
        return Map.of(
                "covenant.github.api-url", fake.apiUrl(),
                "covenant.github.web-url", fake.webUrl(),
                "covenant.github.client-id", FakeGitHub.CLIENT_ID,
                "covenant.github.client-secret", FakeGitHub.CLIENT_SECRET,
                "covenant.github.timeout-seconds", "3",
                "quarkus.http.test-port", Integer.toString(port),
                "covenant.public-url", "http://localhost:" + port);
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
