package dev.covenant.ledger;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import io.quarkus.narayana.jta.QuarkusTransaction;

import dev.covenant.api.Sha256;
import dev.covenant.jdbc.AdvisoryLocks;
import dev.covenant.jdbc.Rows;

/**
 * The service's Ed25519 key for signing chain heads. It is made on first use and kept in {@code ledger_key}; the
 * first instance to store one wins (an advisory lock serialises the check), so every instance signs with the same
 * key. Its id is the first 16 hex digits of the SHA-256 of the public key's X.509 encoding, in Base64.
 */
@ApplicationScoped
public class LedgerKeys {

    static final String ALGORITHM = "Ed25519";
    private static final String KEY_LOCK = "covenant.ledger.key";

    private final Clock clock;
    private volatile Key key;

    LedgerKeys(Clock clock) {
        this.clock = clock;
    }

    /** The public half, as published: the id, the algorithm and the X.509 encoding in Base64. */
    public record PublicKeyView(String keyId, String algorithm, String publicKey) {
    }

    record Key(String id, PublicKey publicKey, PrivateKey privateKey) {
    }

    public PublicKeyView published() {
        Key k = key();
        return new PublicKeyView(k.id(), ALGORITHM, Base64.getEncoder().encodeToString(k.publicKey().getEncoded()));
    }

    /** A Base64 signature and the id of the key that made it. */
    record Signed(String signature, String keyId) {
    }

    Signed sign(String text) {
        Key k = key();
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(k.privateKey());
            signer.update(text.getBytes(StandardCharsets.UTF_8));
            return new Signed(Base64.getEncoder().encodeToString(signer.sign()), k.id());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Signing the ledger head failed", e);
        }
    }

    private Key key() {
        Key k = key;
        if (k == null) {
            // Its own short transaction: the key must be stored whatever becomes of the caller's.
            k = QuarkusTransaction.requiringNew().call(this::loadOrCreate);
            key = k;
        }
        return k;
    }

    private Key loadOrCreate() {
        return LedgerEntry.getSession().doReturningWork(c -> {
            AdvisoryLocks.holdUntilTransactionEnds(c, KEY_LOCK);
            var stored = Rows.first(c, "SELECT key_id, public_key, private_key FROM ledger_key"
                    + " WHERE algorithm = ? ORDER BY created_at LIMIT 1",
                    rs -> decode(rs.getString(1), rs.getBytes(2), rs.getBytes(3)), ALGORITHM);
            if (stored.isPresent()) {
                return stored.get();
            }
            KeyPair pair = generate();
            String id = idOf(pair.getPublic().getEncoded());
            Rows.update(c, "INSERT INTO ledger_key (key_id, algorithm, public_key, private_key, created_at)"
                    + " VALUES (?, ?, ?, ?, ?)", id, ALGORITHM, pair.getPublic().getEncoded(),
                    pair.getPrivate().getEncoded(), Instant.now(clock));
            return new Key(id, pair.getPublic(), pair.getPrivate());
        });
    }

    static String idOf(byte[] publicKey) {
        return Sha256.hex(Base64.getEncoder().encodeToString(publicKey)).substring(0, 16);
    }

    private static KeyPair generate() {
        try {
            return KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is missing from this JVM", e);
        }
    }

    private static Key decode(String id, byte[] publicKey, byte[] privateKey) {
        try {
            KeyFactory factory = KeyFactory.getInstance(ALGORITHM);
            return new Key(id, factory.generatePublic(new X509EncodedKeySpec(publicKey)),
                    factory.generatePrivate(new PKCS8EncodedKeySpec(privateKey)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("The stored ledger key " + id + " cannot be read", e);
        }
    }
}
