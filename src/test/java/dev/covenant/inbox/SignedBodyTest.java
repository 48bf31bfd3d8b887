package dev.covenant.inbox;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;

import org.junit.jupiter.api.Test;

/** Reading a webhook body through its HMAC within the in-flight budget. */
class SignedBodyTest {

    private static final String SECRET = "body-secret";
    private static final long MiB = 1L << 20;

    private static byte[] given(byte[] body) {
        return HexFormat.of().parseHex(WebhookSignature.sign(SECRET, body).substring(WebhookSignature.PREFIX.length()));
    }

    private static SignedBody read(byte[] body, long declared, long limit, WebhookBudget budget, byte[] given) {
        return SignedBody.read(new ByteArrayInputStream(body), declared, limit, budget, WebhookSignature.mac(SECRET),
                given);
    }

    @Test
    void aSignedBodyIsReadWholeWithOrWithoutALengthAndItsBytesAreGivenBack() {
        byte[] body = new byte[300_000];
        Arrays.fill(body, (byte) 'x');
        WebhookBudget budget = new WebhookBudget(64 * MiB, 16 * MiB);
        for (long declared : new long[] {body.length, -1}) {
            try (SignedBody read = read(body, declared, 25 * MiB, budget, given(body))) {
                assertEquals(SignedBody.Outcome.SIGNED, read.outcome());
                assertArrayEquals(body, read.bytes());
                assertTrue(budget.inFlight() >= body.length, "held while the delivery is stored");
            }
            assertEquals(0, budget.inFlight(), "given back once answered");
        }
    }

    @Test
    void aForgedBodyIsReadButNeverPutTogether() {
        byte[] body = "{\"action\":\"opened\"}".getBytes(StandardCharsets.UTF_8);
        WebhookBudget budget = new WebhookBudget(64 * MiB, 16 * MiB);
        try (SignedBody read = read(body, body.length, 25 * MiB, budget, given("other".getBytes()))) {
            assertEquals(SignedBody.Outcome.FORGED, read.outcome());
            assertEquals(null, read.bytes());
        }
        assertEquals(0, budget.inFlight());
    }

    @Test
    void aDeclaredLengthOverTheBudgetIsRefusedBeforeAByteIsRead() {
        WebhookBudget budget = new WebhookBudget(64 * MiB, 16 * MiB);
        assertTrue(budget.reserve(40 * MiB, 40 * MiB));
        InputStream untouched = new InputStream() {
            @Override
            public int read() throws IOException {
                throw new IOException("read although refused");
            }
        };
        try (SignedBody read = SignedBody.read(untouched, 24 * MiB, 25 * MiB, budget, WebhookSignature.mac(SECRET),
                new byte[32])) {
            assertEquals(SignedBody.Outcome.OVER_BUDGET, read.outcome());
        }
        assertEquals(40 * MiB, budget.inFlight());
        // The part kept for ordinary deliveries is still there for them.
        byte[] small = "{\"zen\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
        try (SignedBody read = read(small, small.length, 25 * MiB, budget, given(small))) {
            assertEquals(SignedBody.Outcome.SIGNED, read.outcome());
        }
        budget.release(40 * MiB);
        assertEquals(0, budget.inFlight());
    }

    @Test
    void aChunkedBodyIsCutAtTheLimitAndAShortOneIsBroken() {
        WebhookBudget budget = new WebhookBudget(64 * MiB, 16 * MiB);
        byte[] body = new byte[(int) (2 * MiB) + 1];
        try (SignedBody read = read(body, -1, 2 * MiB, budget, given(body))) {
            assertEquals(SignedBody.Outcome.TOO_LARGE, read.outcome());
        }
        try (SignedBody read = read(new byte[10], 20, 2 * MiB, budget, given(new byte[10]))) {
            assertEquals(SignedBody.Outcome.BROKEN, read.outcome());
        }
        assertEquals(0, budget.inFlight());
    }

    @Test
    void aChunkedFloodRunsOutOfBudgetPieceByPiece() {
        WebhookBudget budget = new WebhookBudget(8 * MiB, 2 * MiB);
        byte[] body = new byte[(int) (7 * MiB)];
        try (SignedBody read = read(body, -1, 25 * MiB, budget, given(body))) {
            assertEquals(SignedBody.Outcome.OVER_BUDGET, read.outcome(), "a large body may use 6 MiB of 8");
        }
        assertEquals(0, budget.inFlight());
    }
}
