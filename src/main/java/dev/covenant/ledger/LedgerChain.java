package dev.covenant.ledger;

import java.time.Instant;

import dev.covenant.api.Sha256;

/**
 * The hash chain rule, in one place. The first entry's previous hash is {@link #GENESIS}. Two formats exist:
 * <ul>
 * <li>format 1 (entries written before V20): SHA-256 over the previous hash, the sequence number, the kind and the
 * canonical event, separated by newlines; the time and any row are not covered;</li>
 * <li>format 2: SHA-256 over the canonical JSON of every field: {@code format}, {@code seq}, {@code prevHash},
 * {@code kind}, {@code event} (as JSON), {@code recordedAt} (an ISO-8601 UTC instant, microseconds at most) and
 * {@code row} ({@code {table, id, hash}} of the row the entry speaks for, or null).</li>
 * </ul>
 * Every entry from the first format-2 one on must be format 2, so a rewritten entry cannot fall back to the weaker
 * hash.
 */
public final class LedgerChain {

    public static final String GENESIS = "0".repeat(64);
    public static final int CURRENT_FORMAT = 2;

    private LedgerChain() {
    }

    /** The format-1 hash, kept to verify the entries written in it. */
    public static String hash(String previousHash, long seq, String kind, String canonicalEvent) {
        return Sha256.hex(previousHash + "\n" + seq + "\n" + kind + "\n" + canonicalEvent);
    }

    /** A stored entry as the verifier sees it; the row fields are null when it speaks for no row. */
    public record Link(long seq, int format, String kind, String event, String prevHash, String hash,
            Instant recordedAt, String rowTable, String rowId, String rowHash) {
    }

    /** The hash an entry must have, by its format. */
    public static String hashOf(Link entry) {
        if (entry.format() == 1) {
            return hash(entry.prevHash(), entry.seq(), entry.kind(), entry.event());
        }
        return hashOver(entry, CanonicalJson.write(CanonicalJson.read(entry.event())));
    }

    /**
     * {@link #hashOf} of a format-2 entry whose event text is canonical already, as the ledger has just written it:
     * the same hash without parsing the event and writing it again (what a batch of thousands of appends spends most
     * of its time on otherwise).
     */
    static String hashOfCanonical(Link entry) {
        if (entry.format() != CURRENT_FORMAT) {
            throw new IllegalArgumentException("Only format " + CURRENT_FORMAT + " entries are written now");
        }
        return hashOver(entry, entry.event());
    }

    /** The format-2 text, written in its keys' sorted order (the order {@link CanonicalJson} sorts them in). */
    private static String hashOver(Link entry, String canonicalEvent) {
        StringBuilder out = new StringBuilder(canonicalEvent.length() + 320);
        out.append("{\"event\":").append(canonicalEvent).append(",\"format\":").append(entry.format())
                .append(",\"kind\":");
        text(out, entry.kind()).append(",\"prevHash\":");
        text(out, entry.prevHash()).append(",\"recordedAt\":");
        text(out, entry.recordedAt().toString()).append(",\"row\":");
        if (entry.rowTable() == null) {
            out.append("null");
        } else {
            out.append("{\"hash\":");
            text(out, entry.rowHash()).append(",\"id\":");
            text(out, entry.rowId()).append(",\"table\":");
            text(out, entry.rowTable()).append('}');
        }
        return Sha256.hex(out.append(",\"seq\":").append(entry.seq()).append('}'));
    }

    private static StringBuilder text(StringBuilder out, String value) {
        if (value == null) {
            return out.append("null");
        }
        CanonicalJson.string(out, value);
        return out;
    }

    /**
     * Why an entry breaks the chain, or null when it continues it; {@code firstOfFormat2} is the sequence number from
     * which entries are format 2.
     */
    public static String breakIn(Link previous, Link entry, long firstOfFormat2) {
        long expectedSeq = previous == null ? 1 : previous.seq() + 1;
        String expectedPrev = previous == null ? GENESIS : previous.hash();
        if (entry.seq() != expectedSeq) {
            return "expected entry " + expectedSeq + " but found " + entry.seq() + ": entries are missing";
        }
        if (!entry.prevHash().equals(expectedPrev)) {
            return "its previous hash does not match the hash of entry " + (expectedSeq - 1);
        }
        int expectedFormat = entry.seq() >= firstOfFormat2 ? 2 : 1;
        if (entry.format() != expectedFormat) {
            return "it is written in format " + entry.format() + " where format " + expectedFormat + " is due";
        }
        if (entry.format() == 1 && entry.rowTable() != null) {
            return "a format-1 entry cannot speak for a row";
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
        if (!hashOf(entry).equals(entry.hash())) {
            return "its hash does not match its content";
        }
        return null;
    }
}
