package dev.covenant.relicensing.history;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

/** A history upload has its own cap (64 MiB in the test profile), answered before the body is read. */
@QuarkusTest
class HistoryUploadLimitTest {

    @Test
    void anUploadOverItsCapIs413BeforeItIsRead() throws IOException {
        // The server answers as soon as it reads the declared length, so speak HTTP by hand and read that answer.
        try (java.net.Socket socket = new java.net.Socket("localhost", io.restassured.RestAssured.port)) {
            String head = "POST /api/repos/limits/huge/history HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + dev.covenant.TestDatabase.ADMIN_TOKEN
                    + "\r\nContent-Type: text/plain\r\n"
                    + "Content-Length: " + (64L * 1024 * 1024 + 1) + "\r\n\r\ncommit ";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.setSoTimeout(10_000);
            var reader = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                    StandardCharsets.US_ASCII));
            String status = reader.readLine();
            assertTrue(status.startsWith("HTTP/1.1 413"), status);
            StringBuilder headers = new StringBuilder();
            for (String line = reader.readLine(); line != null && !line.isEmpty(); line = reader.readLine()) {
                headers.append(line.toLowerCase(java.util.Locale.ROOT)).append('\n');
            }
            // BodyLimitFilter's problem document, not the HTTP layer's bare answer to its own 2G cap.
            assertTrue(headers.indexOf("content-type: application/problem+json") >= 0, headers.toString());
        }
    }
}
