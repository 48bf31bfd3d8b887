package dev.covenant.ledger;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The chain head, signed by the service's key so that a copy stored elsewhere can be trusted and compared later. The
 * signed text is {@code covenant-ledger-head\n<seq>\n<hash>\n<recordedAt>} in UTF-8 ({@link #signedText}).
 */
@ApplicationScoped
public class LedgerHeads {

    static final String HEAD_KIND = "ledger.head";

    private final LedgerKeys keys;
    private final Ledger ledger;
    private final Clock clock;

    LedgerHeads(LedgerKeys keys, Ledger ledger, Clock clock) {
        this.keys = keys;
        this.ledger = ledger;
        this.clock = clock;
    }

    /** A signed head; an empty ledger's head is entry 0 with the genesis hash and no time. */
    public record Head(long seq, String hash, Instant recordedAt, String signature, String keyId) {
    }

    public static String signedText(long seq, String hash, Instant recordedAt) {
        return "covenant-ledger-head\n" + seq + "\n" + hash + "\n" + (recordedAt == null ? "" : recordedAt.toString());
    }

    @Transactional
    public Head current() {
        return LedgerEntry.findLatest().map(e -> signed(e.seq, e.hash, e.recordedAt))
                .orElseGet(() -> signed(0, LedgerChain.GENESIS, null));
    }

    /**
     * Appends a {@code ledger.head} entry holding the signed head, unless one was already written today (UTC). The
     * check runs under the append lock, so several instances write one a day between them.
     */
    @Transactional
    public boolean recordDailyHead() {
        ledger.lock();
        Instant startOfDay = LocalDate.now(clock.withZone(ZoneOffset.UTC)).atStartOfDay(ZoneOffset.UTC).toInstant();
        if (LedgerEntry.count("kind = ?1 and recordedAt >= ?2", HEAD_KIND, startOfDay) > 0) {
            return false;
        }
        Head head = current();
        ObjectNode event = JsonNodeFactory.instance.objectNode();
        event.put("seq", head.seq());
        event.put("hash", head.hash());
        event.put("recordedAt", head.recordedAt() == null ? null : head.recordedAt().toString());
        event.put("signature", head.signature());
        event.put("keyId", head.keyId());
        ledger.append(HEAD_KIND, event);
        return true;
    }

    private Head signed(long seq, String hash, Instant recordedAt) {
        LedgerKeys.Signed signed = keys.sign(signedText(seq, hash, recordedAt));
        return new Head(seq, hash, recordedAt, signed.signature(), signed.keyId());
    }
}
