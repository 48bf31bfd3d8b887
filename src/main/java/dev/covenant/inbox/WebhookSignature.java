package dev.covenant.inbox;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * GitHub's webhook signature: {@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>} with the
 * webhook secret as key. Compared in constant time, over the exact bytes received, before anything is parsed. The
 * endpoint feeds the bytes through {@link #mac(String)} as it reads them ({@link SignedBody}).
 */
public final class WebhookSignature {

    static final String PREFIX = "sha256=";
    private static final int LENGTH = 32;

    private WebhookSignature() {
    }

    public static boolean isValid(String secret, byte[] body, String header) {
        if (secret == null || secret.isEmpty()) {
            return false;
        }
        return given(header).map(given -> matches(mac(secret).doFinal(body), given)).orElse(false);
    }

    /** The HMAC a header claims, or empty when the header is missing or not of GitHub's form. */
    static Optional<byte[]> given(String header) {
        if (header == null || !header.startsWith(PREFIX) || header.length() != PREFIX.length() + 2 * LENGTH) {
            return Optional.empty();
        }
        try {
            return Optional.of(HexFormat.of().parseHex(header, PREFIX.length(), header.length()));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    static boolean matches(byte[] computed, byte[] given) {
        return MessageDigest.isEqual(computed, given);
    }

    public static String sign(String secret, byte[] body) {
        return PREFIX + HexFormat.of().formatHex(mac(secret).doFinal(body));
    }

    /** A fresh HMAC-SHA256 keyed with the secret, to be fed the body as it arrives. */
    static Mac mac(String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable", e);
        }
    }
}
