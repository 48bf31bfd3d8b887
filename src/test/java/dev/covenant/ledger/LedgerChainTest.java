package dev.covenant.ledger;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
    void aChainOfHonestEntriesHasNoBreak() {
        LedgerChain.Link first = link(null, 1, "{\"a\":1}");
        LedgerChain.Link second = link(first, 2, "{\"b\":2}");
        assertNull(LedgerChain.breakIn(null, first));
        assertNull(LedgerChain.breakIn(first, second));
    }

    @Test
    void eachKindOfTamperingIsNamed() {
        LedgerChain.Link first = link(null, 1, "{\"a\":1}");
        LedgerChain.Link second = link(first, 2, "{\"b\":2}");
        LedgerChain.Link edited = new LedgerChain.Link(2, "k", "{\"b\":3}", second.prevHash(), second.hash());
        assertThat(LedgerChain.breakIn(first, edited), containsString("hash does not match"));
        LedgerChain.Link third = link(second, 3, "{}");
        assertThat(LedgerChain.breakIn(first, third), containsString("missing"));
        LedgerChain.Link relinked = new LedgerChain.Link(2, "k", "{\"b\":2}", LedgerChain.GENESIS, second.hash());
        assertThat(LedgerChain.breakIn(first, relinked), containsString("previous hash"));
        LedgerChain.Link spaced = new LedgerChain.Link(2, "k", "{ \"b\":2}", first.hash(),
                LedgerChain.hash(first.hash(), 2, "k", "{ \"b\":2}"));
        assertThat(LedgerChain.breakIn(first, spaced), containsString("canonical"));
    }

    private static LedgerChain.Link link(LedgerChain.Link previous, long seq, String event) {
        String prev = previous == null ? LedgerChain.GENESIS : previous.hash();
        return new LedgerChain.Link(seq, "k", event, prev, LedgerChain.hash(prev, seq, "k", event));
    }
}
