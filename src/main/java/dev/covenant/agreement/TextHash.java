package dev.covenant.agreement;

import dev.covenant.api.Sha256;

/** The SHA-256 of an agreement text, over its exact UTF-8 bytes: no trimming, no line-ending changes. */
public final class TextHash {

    private TextHash() {
    }

    public static String of(String text) {
        return Sha256.hex(text);
    }
}
