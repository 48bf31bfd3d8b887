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
 * delivery is stored. Fed piece by piece ({@link #start}, {@link #accept}, {@link #finish}) by the endpoint as the
 * network hands the body over, or from a stream by {@link #read}.
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
    private final long declared;
    private final long limit;
    private final Mac mac;
    private final List<byte[]> pieces = new ArrayList<>();
    private long total;
    private long reserved;
    private Outcome outcome;
    private byte[] bytes;

    private SignedBody(WebhookBudget budget, long declared, long limit, Mac mac) {
        this.budget = budget;
        this.declared = declared;
        this.limit = limit;
        this.mac = mac;
    }

    /**
     * A body of {@code declared} bytes (-1 when chunked) about to arrive: refused at once ({@link #outcome()} set)
     * when the declared length is over the limit or the budget has no room for it.
     */
    static SignedBody start(long declared, long limit, WebhookBudget budget, Mac mac) {
        SignedBody body = new SignedBody(budget, declared, limit, mac);
        if (declared > limit) {
            body.outcome = Outcome.TOO_LARGE;
        } else if (declared >= 0) {
            body.reserve(declared, declared);
        }
        return body;
    }

    /**
     * The next {@code length} bytes of the body (kept: the caller may reuse {@code piece}); false once the body is
     * refused (too large, or over the budget), after which nothing more should be fed.
     */
    boolean accept(byte[] piece, int offset, int length) {
        if (outcome != null) {
            return false;
        }
        total += length;
        if (total > limit || declared >= 0 && total > declared) {
            outcome = Outcome.TOO_LARGE;
            return false;
        }
        if (declared < 0 && !reserve(length, total)) {
            return false;
        }
        mac.update(piece, offset, length);
        byte[] kept = new byte[length];
        System.arraycopy(piece, offset, kept, 0, length);
        pieces.add(kept);
        return true;
    }

    /** The body's end: checks its length and its HMAC against {@code given}. */
    Outcome finish(byte[] given) {
        if (outcome != null) {
            return outcome;
        }
        if (declared >= 0 && total < declared) {
            outcome = Outcome.BROKEN;
            return outcome;
        }
        if (!WebhookSignature.matches(mac.doFinal(), given)) {
            outcome = Outcome.FORGED;
            return outcome;
        }
        // Signed by GitHub: the whole is made once, counted but never refused, as the pieces go.
        budget.reserveAnyway(total);
        reserved += total;
        byte[] whole = new byte[(int) total];
        int at = 0;
        for (byte[] piece : pieces) {
            System.arraycopy(piece, 0, whole, at, piece.length);
            at += piece.length;
        }
        pieces.clear();
        bytes = whole;
        outcome = Outcome.SIGNED;
        return outcome;
    }

    /** Reads {@code in} ({@code declared} bytes, or -1 when chunked) and checks it against {@code given}. */
    static SignedBody read(InputStream in, long declared, long limit, WebhookBudget budget, Mac mac, byte[] given) {
        SignedBody body = start(declared, limit, budget, mac);
        byte[] piece = new byte[PIECE];
        try {
            while (body.outcome == null) {
                int n = in.readNBytes(piece, 0, PIECE);
                if (n == 0 || !body.accept(piece, 0, n)) {
                    break;
                }
            }
        } catch (IOException e) {
            body.outcome = Outcome.BROKEN;
            return body;
        }
        body.finish(given);
        return body;
    }

    /** Set once the body is refused or read whole. */
    Outcome outcome() {
        return outcome;
    }

    /** The body, when it was read whole and signed. */
    byte[] bytes() {
        return bytes;
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
        pieces.clear();
    }
}
