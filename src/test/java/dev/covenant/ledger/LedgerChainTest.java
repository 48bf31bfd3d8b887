package dev.covenant.ledger;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import dev.covenant.api.Sha256;

class LedgerChainTest {

    @Test
    void canonicalJsonSortsKeysAtEveryDepthAndDropsWhitespace() {
        String json = CanonicalJson.write(
                CanonicalJson.read("{ \"b\": 1, \"a\": { \"z\": [ {\"y\":true, \"x\":null} ], \"é\": \"\\u00e9\" } }"));
        assertEquals("{\"a\":{\"z\":[{\"x\":null,\"y\":true}],\"é\":\"é\"},\"b\":1}", json);
    }

    @Test
    void floatingPointNumbersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(CanonicalJson.read("{\"a\":1.5}")));
    }

    @Test
    void theHashIsSha256OverTheLinkedFields() {
        // echo -n "$(printf '0%.0s' {1..64})\n1\nk\n{}" | sha256sum
        assertEquals(Sha256.hex(LedgerChain.GENESIS + "\n1\nk\n{}"),
                LedgerChain.hash(LedgerChain.GENESIS, 1, "k", "{}"));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", Sha256.hex("abc"));
    }

    @Test
    void theFormat2HashCoversEveryFieldAsCanonicalJson() {
        Instant at = Instant.parse("2026-12-03T11:38:32.123456Z");
        LedgerChain.Link entry = new LedgerChain.Link(7, 2, "k", "{\"a\":1}", LedgerChain.GENESIS, null, at,
                "signature", "42", "f".repeat(64));
        assertEquals(Sha256.hex("{\"event\":{\"a\":1},\"format\":2,\"kind\":\"k\",\"prevHash\":\""
                + LedgerChain.GENESIS + "\",\"recordedAt\":\"2026-12-03T11:38:32.123456Z\",\"row\":{\"hash\":\""
                + "f".repeat(64) + "\",\"id\":\"42\",\"table\":\"signature\"},\"seq\":7}"),
                LedgerChain.hashOf(entry));
        LedgerChain.Link rowless = new LedgerChain.Link(8, 2, "k \"q\"", "{}", "a".repeat(64), null, at, null, null,
                null);
        assertEquals(Sha256.hex("{\"event\":{},\"format\":2,\"kind\":\"k \\\"q\\\"\",\"prevHash\":\""
                + "a".repeat(64) + "\",\"recordedAt\":\"2026-12-03T11:38:32.123456Z\",\"row\":null,\"seq\":8}"),
                LedgerChain.hashOf(rowless));
    }

    @Test
    void theWritersHashIsTheVerifiersForEveryKindOfEvent() {
        Instant at = Instant.parse("2026-12-03T11:38:32.123456Z");
        for (String event : new String[] {"{}", "{\"a\":1}",
                "{\"b\":[1,\"x\",null,true],\"a\":{\"d\":\"\\n\\t\\u0001\"}}",
                "{\"big\":123456789012345678901234567890,\"neg\":-5,\"é\":\"日本\",\"Z\":\"\\\"q\\\"\"}"}) {
            String canonical = CanonicalJson.write(CanonicalJson.read(event));
            for (String rowTable : new String[] {null, "signature"}) {
                LedgerChain.Link entry = new LedgerChain.Link(9, 2, "kind \"x\"", canonical, "a".repeat(64), null, at,
                        rowTable, rowTable == null ? null : "id-1", rowTable == null ? null : "b".repeat(64));
                assertEquals(LedgerChain.hashOf(entry), LedgerChain.hashOfCanonical(entry), event);
            }
        }
    }

    @Test
    void canonicalJsonIsWhatSortingTheTreeAndWritingItGave() throws Exception {
        var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
        String json = "{\"z\":{\"b\":[{\"y\":1,\"x\":[true,false,null]}],\"a\":\"\\u2028<&>\\\\\"},"
                + "\"Ab\":-9223372036854775808,\"aB\":18446744073709551616,\"\":\"\",\"𝄞\":\"\\ud834\\udd1e\",\"ﬀ\":0}";
        assertEquals(mapper.writeValueAsString(sortedCopy(mapper.readTree(json))),
                CanonicalJson.write(CanonicalJson.read(json)));
    }

    /** The canonical form as first written: a sorted copy of the tree, written by Jackson. */
    private static com.fasterxml.jackson.databind.JsonNode sortedCopy(com.fasterxml.jackson.databind.JsonNode node) {
        var factory = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance;
        if (node.isObject()) {
            var result = factory.objectNode();
            var names = new java.util.ArrayList<String>();
            node.fieldNames().forEachRemaining(names::add);
            java.util.Collections.sort(names);
            names.forEach(n -> result.set(n, sortedCopy(node.get(n))));
            return result;
        }
        if (node.isArray()) {
            var result = factory.arrayNode();
            node.forEach(e -> result.add(sortedCopy(e)));
            return result;
        }
        return node;
    }

    @Test
    void entriesWrittenBeforeFormat2KeepVerifyingAndTheChainGoesOnInFormat2() {
        LedgerChain.Link first = v1(null, 1, "{\"a\":1}");
        LedgerChain.Link second = v1(first, 2, "{\"b\":2}");
        LedgerChain.Link third = v2(second, 3, "{\"c\":3}", T0, null);
        assertNull(LedgerChain.breakIn(null, first, 3));
        assertNull(LedgerChain.breakIn(first, second, 3));
        assertNull(LedgerChain.breakIn(second, third, 3));
    }

    @Test
    void aFormat1EntryAfterFormat2BeganIsAForgery() {
        LedgerChain.Link first = v2(null, 1, "{}", T0, null);
        LedgerChain.Link downgraded = v1(first, 2, "{}");
        assertThat(LedgerChain.breakIn(first, downgraded, 1), containsString("format 2 is due"));
    }

    @Test
    void eachKindOfTamperingIsNamed() {
        LedgerChain.Link first = v1(null, 1, "{\"a\":1}");
        LedgerChain.Link second = v1(first, 2, "{\"b\":2}");
        LedgerChain.Link edited = with(second, "{\"b\":3}", second.recordedAt(), second.rowHash());
        assertThat(LedgerChain.breakIn(first, edited, 99), containsString("hash does not match"));
        LedgerChain.Link third = v1(second, 3, "{}");
        assertThat(LedgerChain.breakIn(first, third, 99), containsString("missing"));
        LedgerChain.Link relinked = new LedgerChain.Link(2, 1, "k", "{\"b\":2}", LedgerChain.GENESIS, second.hash(),
                T0, null, null, null);
        assertThat(LedgerChain.breakIn(first, relinked, 99), containsString("previous hash"));
        LedgerChain.Link spaced = new LedgerChain.Link(2, 1, "k", "{ \"b\":2}", first.hash(),
                LedgerChain.hash(first.hash(), 2, "k", "{ \"b\":2}"), T0, null, null, null);
        assertThat(LedgerChain.breakIn(first, spaced, 99), containsString("canonical"));
    }

    @Test
    void format2DetectsAChangedTimeOrRowHash() {
        LedgerChain.Link first = v2(null, 1, "{}", T0, null);
        LedgerChain.Link second = v2(first, 2, "{}", T0, "a".repeat(64));
        assertNull(LedgerChain.breakIn(first, second, 1));
        assertThat(LedgerChain.breakIn(first, with(second, "{}", T0.plusSeconds(1), second.rowHash()), 1),
                containsString("hash does not match"));
        assertThat(LedgerChain.breakIn(first, with(second, "{}", T0, "b".repeat(64)), 1),
                containsString("hash does not match"));
    }

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static LedgerChain.Link v1(LedgerChain.Link previous, long seq, String event) {
        String prev = previous == null ? LedgerChain.GENESIS : previous.hash();
        return new LedgerChain.Link(seq, 1, "k", event, prev, LedgerChain.hash(prev, seq, "k", event), T0, null, null,
                null);
    }

    private static LedgerChain.Link v2(LedgerChain.Link previous, long seq, String event, Instant at, String rowHash) {
        String prev = previous == null ? LedgerChain.GENESIS : previous.hash();
        LedgerChain.Link unhashed = new LedgerChain.Link(seq, 2, "k", event, prev, null, at,
                rowHash == null ? null : "signature", rowHash == null ? null : "1", rowHash);
        return with(unhashed, event, at, rowHash, LedgerChain.hashOf(unhashed));
    }

    /** The same entry with other content but its old hash, as a tamperer without the chain would leave it. */
    private static LedgerChain.Link with(LedgerChain.Link l, String event, Instant at, String rowHash) {
        return with(l, event, at, rowHash, l.hash());
    }

    private static LedgerChain.Link with(LedgerChain.Link l, String event, Instant at, String rowHash, String hash) {
        return new LedgerChain.Link(l.seq(), l.format(), l.kind(), event, l.prevHash(), hash, at, l.rowTable(),
                l.rowId(), rowHash);
    }
}
