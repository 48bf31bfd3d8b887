package dev.covenant.github;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The code-for-token exchange survives a kept-alive connection that GitHub's side closed: the POST is sent again on a
 * new connection. The fake speaks the exchange's real wire format ({@code POST /login/oauth/access_token}, a form
 * body, a JSON answer) over a raw socket, so it can drop a connection the way a load balancer does: after reading a
 * request, without a byte of answer.
 */
class TokenExchangeRetryTest {

    /** What the fake does with the n-th request on a connection: answer it, or close the connection unanswered. */
    private enum Then {
        ANSWER, DROP
    }

    private ServerSocket server;
    private Thread serving;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
        if (serving != null) {
            serving.join(5_000);
        }
    }

    @Test
    void aConnectionDroppedUnderTheSecondExchangeIsRetriedOnANewOne() throws Exception {
        // The first connection answers one exchange, then drops the next request; the second answers.
        serve(List.of(List.of(Then.ANSWER, Then.DROP), List.of(Then.ANSWER)));
        GitHubOAuth oauth = new GitHubOAuth(config());
        assertEquals("token-1", oauth.exchange("code-a", "http://covenant.example/callback"));
        assertEquals("token-3", oauth.exchange("code-b", "http://covenant.example/callback"));
        assertEquals(3, requests.size(), requests.toString());
        assertTrue(requests.get(2).startsWith("POST /login/oauth/access_token HTTP/1.1"), requests.get(2));
        assertTrue(requests.get(2).contains("code=code-b"), "the same code sent again: " + requests.get(2));
        assertTrue(requests.get(2).contains("client_id=client-1"), requests.get(2));
    }

    @Test
    void aSecondFailureIsReportedAsGitHubUnavailable() throws Exception {
        serve(List.of(List.of(Then.DROP), List.of(Then.DROP)));
        GitHubOAuth oauth = new GitHubOAuth(config());
        GitHubUnavailableException e = assertThrows(GitHubUnavailableException.class,
                () -> oauth.exchange("code-c", "http://covenant.example/callback"));
        assertTrue(e.getMessage().contains("token exchange"), e.getMessage());
        assertEquals(2, requests.size(), "sent twice, no more: " + requests);
    }

    private void serve(List<List<Then>> plan) {
        serving = new Thread(() -> {
            for (List<Then> steps : plan) {
                try (Socket socket = server.accept()) {
                    InputStream in = socket.getInputStream();
                    OutputStream out = socket.getOutputStream();
                    for (Then step : steps) {
                        String request = readRequest(in);
                        if (request == null) {
                            break;
                        }
                        requests.add(request);
                        if (step == Then.DROP) {
                            break;
                        }
                        byte[] body = ("{\"access_token\":\"token-" + requests.size()
                                + "\",\"token_type\":\"bearer\",\"scope\":\"read:user,user:email\"}")
                                .getBytes(StandardCharsets.UTF_8);
                        out.write(("HTTP/1.1 200 OK\r\nContent-Type: application/json; charset=utf-8\r\n"
                                + "Content-Length: " + body.length + "\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                        out.write(body);
                        out.flush();
                    }
                } catch (IOException e) {
                    return; // the server socket closed at the end of the test
                }
            }
        }, "fake-github-oauth");
        serving.start();
    }

    /** One HTTP/1.1 request (head and body, by its Content-Length), or null at the end of the connection. */
    private static String readRequest(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int matched = 0;
        while (matched < 4) {
            int b = in.read();
            if (b < 0) {
                return null;
            }
            head.write(b);
            matched = (b == (matched % 2 == 0 ? '\r' : '\n')) ? matched + 1 : (b == '\r' ? 1 : 0);
        }
        String text = head.toString(StandardCharsets.US_ASCII);
        int length = 0;
        for (String line : text.split("\r\n")) {
            if (line.toLowerCase(Locale.ROOT).startsWith("content-length:")) {
                length = Integer.parseInt(line.substring("content-length:".length()).trim());
            }
        }
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    private GitHubConfig config() {
        String url = "http://127.0.0.1:" + server.getLocalPort();
        return new GitHubConfig() {
            @Override
            public String apiUrl() {
                return url;
            }

            @Override
            public String webUrl() {
                return url;
            }

            @Override
            public Optional<String> clientId() {
                return Optional.of("client-1");
            }

            @Override
            public Optional<String> clientSecret() {
                return Optional.of("secret-1");
            }

            @Override
            public int timeoutSeconds() {
                return 5;
            }
        };
    }
}
