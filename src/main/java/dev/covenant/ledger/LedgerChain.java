package dev.covenant.ledger;

import dev.covenant.api.Sha256;

/**
 * The hash chain rule, in one place: an entry's hash is SHA-256 over the previous entry's hash, a newline, the
 * entry's sequence number, a newline, its kind, a newline and the canonical JSON of its event. The first entry's
 * previous hash is {@link #GENESIS}.
 */
public final class LedgerChain {

    public static final String GENESIS = "0".repeat(64);

    private LedgerChain() {
    }

    public static String hash(String previousHash, long seq, String kind, String canonicalEvent) {
        return Sha256.hex(previousHash + "\n" + seq + "\n" + kind + "\n" + canonicalEvent);
    }

    /** A stored entry as the verifier sees it. */
    public record Link(long seq, String kind, String event, String prevHash, String hash) {
    }

    /** Why an entry breaks the chain, or null when it continues it. */
    public static String breakIn(Link previous, Link entry) {
        long expectedSeq = previous == null ? 1 : previous.seq() + 1;
        String expectedPrev = previous == null ? GENESIS : previous.hash();
        if (entry.seq() != expectedSeq) {
            return "expected entry " + expectedSeq + " but found " + entry.seq() + ": entries are missing";
        }
        if (!entry.prevHash().equals(expectedPrev)) {
            return "its previous hash does not match the hash of entry " + (expectedSeq - 1);
        }
        String canonical;
        try {
            canonical = CanonicalJson.write(CanonicalJson.read(entry.event()));
        } catch (IllegalArgumentException e) {
            return "its event is not valid JSON";
        }
        if (!canonical.equals(entry.event())) {
            return "its event is not in canonical form";
        }
        if (!hash(entry.prevHash(), entry.seq(), entry.kind(), entry.event()).equals(entry.hash())) {
            return "its hash does not match its content";
        }
        return null;
    }
}
