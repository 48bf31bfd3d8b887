package dev.covenant.api;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * SHA-256 in lower-case hex, for every capability that hashes: the ledger's chain, agreement texts, API tokens and
 * sessions (stored only hashed), evidence bundles. In the shared edge package, which depends on no capability.
 */
public final class Sha256 {

    private static final HexFormat HEX = HexFormat.of();
    /** Texts longer than this are not copied into the thread's buffer, which stays small. */
    private static final int LARGE = 8192;
    /**
     * Each thread keeps its digest and a buffer for the text's UTF-8: an import chains and hashes a hundred thousand
     * entries and rows, and looking the algorithm up and copying each text into a new array twice cost more there
     * than the hashing itself.
     */
    private static final ThreadLocal<Hasher> HASHER = ThreadLocal.withInitial(Hasher::new);

    private Sha256() {
    }

    /** The hash of {@code text}'s UTF-8 (a lone surrogate counts as {@code ?}, as {@code String.getBytes} has it). */
    public static String hex(CharSequence text) {
        return HASHER.get().hex(text);
    }

    public static String hex(byte[] bytes) {
        return HEX.formatHex(HASHER.get().digest(bytes, bytes.length));
    }

    private static final class Hasher {

        private final MessageDigest digest;
        /** A lone surrogate becomes {@code ?}, as {@code String.getBytes} writes it. */
        private final CharsetEncoder encoder = StandardCharsets.UTF_8.newEncoder()
                .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE);
        /** Three bytes per char at most; longer texts (agreements, bundles) are hashed without the buffer. */
        private final ByteBuffer utf8 = ByteBuffer.allocate(LARGE * 3);

        Hasher() {
            try {
                digest = MessageDigest.getInstance("SHA-256");
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("SHA-256 is missing from this JVM", e);
            }
        }

        String hex(CharSequence text) {
            if (text.length() > LARGE) {
                byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
                return HEX.formatHex(digest(bytes, bytes.length));
            }
            utf8.clear();
            CoderResult result = encoder.reset().encode(CharBuffer.wrap(text), utf8, true);
            if (result.isUnderflow()) {
                result = encoder.flush(utf8);
            }
            if (!result.isUnderflow()) {
                throw new IllegalStateException("UTF-8 of " + text.length() + " chars did not fit: " + result);
            }
            return HEX.formatHex(digest(utf8.array(), utf8.position()));
        }

        byte[] digest(byte[] bytes, int length) {
            digest.reset();
            digest.update(bytes, 0, length);
            return digest.digest();
        }
    }
}
