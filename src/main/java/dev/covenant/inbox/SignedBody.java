package dev.covenant.inbox;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

import javax.crypto.Mac;

/**
 * A webhook body read through its HMAC as it arrives, within the instance's in-flight budget: a declared length is
 * reserved whole before the first byte is read; a chunked body reserves each piece as it comes and is cut at the
 * limit. Nothing is put together before the HMAC matches. The reservation lasts until {@link #close()}, after the
 * delivery is stored.
 */
final class SignedBody implements AutoCloseable {

    enum Outcome {
        /** Read whole, and the HMAC matches. */
        SIGNED,
        /** Read whole, and the HMAC does not match. */
        FORGED,
        /** Longer than the limit. */
        TOO_LARGE,
        /** The budget has no room for it now. */
        OVER_BUDGET,
        /** The body broke off before its declared end. */
        BROKEN
    }

    private static final int PIECE = 1 << 16;

    private final WebhookBudget budget;
    private long reserved;
    private Outcome outcome;
    private byte[] bytes;

    private SignedBody(WebhookBudget budget) {
        this.budget = budget;
    }

    /** Reads {@code in} ({@code declared} bytes, or -1 when chunked) and checks it against {@code given}. */
    static SignedBody read(InputStream in, long declared, long limit, WebhookBudget budget, Mac mac, byte[] given) {
        SignedBody body = new SignedBody(budget);
        List<byte[]> pieces = new ArrayList<>();
        long total;
        try {
            total = body.readPieces(in, declared, limit, mac, pieces);
        } catch (IOException e) {
            body.outcome = Outcome.BROKEN;
            return body;
        }
        if (body.outcome != null) {
            return body;
        }
        if (!WebhookSignature.matches(mac.doFinal(), given)) {
            body.outcome = Outcome.FORGED;
            return body;
        }
        // Signed by GitHub: the whole is made once, counted but never refused, as the pieces go.
        body.budget.reserveAnyway(total);
        body.reserved += total;
        byte[] whole = new byte[(int) total];
        int at = 0;
        for (byte[] piece : pieces) {
            int n = (int) Math.min(PIECE, total - at);
            System.arraycopy(piece, 0, whole, at, n);
            at += n;
        }
        body.bytes = whole;
        body.outcome = Outcome.SIGNED;
        return body;
    }

    Outcome outcome() {
        return outcome;
    }

    /** The body, when it was read whole and signed. */
    byte[] bytes() {
        return bytes;
    }

    /**
     * Reads the body in pieces small enough never to be one large allocation (a flood of large bodies would otherwise
     * fragment the heap), reserving each before it is read, or a declared length whole before the first byte.
     */
    private long readPieces(InputStream in, long declared, long limit, Mac mac, List<byte[]> pieces)
            throws IOException {
        if (declared > limit) {
            outcome = Outcome.TOO_LARGE;
            return 0;
        }
        if (declared >= 0 && !reserve(declared, declared)) {
            return 0;
        }
        long total = 0;
        while (true) {
            byte[] piece = new byte[PIECE];
            int n = in.readNBytes(piece, 0, PIECE);
            if (n == 0) {
                break;
            }
            total += n;
            if (total > limit || declared >= 0 && total > declared) {
                outcome = Outcome.TOO_LARGE;
                return total;
            }
            if (declared < 0 && !reserve(PIECE, total)) {
                return total;
            }
            mac.update(piece, 0, n);
            pieces.add(piece);
        }
        if (declared >= 0 && total < declared) {
            outcome = Outcome.BROKEN;
        }
        return total;
    }

    private boolean reserve(long more, long heldAfter) {
        if (!budget.reserve(more, heldAfter)) {
            outcome = Outcome.OVER_BUDGET;
            return false;
        }
        reserved += more;
        return true;
    }

    @Override
    public void close() {
        budget.release(reserved);
        reserved = 0;
        bytes = null;
    }
}
