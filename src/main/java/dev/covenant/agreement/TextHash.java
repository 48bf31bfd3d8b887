package dev.covenant.agreement;

import dev.covenant.ledger.LedgerChain;

/** The SHA-256 of an agreement text, over its exact UTF-8 bytes: no trimming, no line-ending changes. */
public final class TextHash {

    private TextHash() {
    }

    public static String of(String text) {
        return LedgerChain.sha256Hex(text);
    }
}
