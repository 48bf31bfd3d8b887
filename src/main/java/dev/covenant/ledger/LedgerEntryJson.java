package dev.covenant.ledger;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Ledger entries as someone holding a copy of their records reads them: every field the chain's hash covers, so that
 * each entry can be checked against the published chain.
 */
public final class LedgerEntryJson {

    private LedgerEntryJson() {
    }

    public static ObjectNode of(LedgerEntry entry) {
        ObjectNode tree = JsonNodeFactory.instance.objectNode();
        tree.put("seq", entry.seq);
        tree.put("kind", entry.kind);
        tree.put("recordedAt", entry.recordedAt.toString());
        tree.put("prevHash", entry.prevHash);
        tree.put("hash", entry.hash);
        tree.set("event", CanonicalJson.read(entry.event));
        return tree;
    }

    /** The entries with these numbers (nulls skipped), in order; inside a transaction. */
    public static ArrayNode of(Collection<Long> seqs) {
        ArrayNode entries = JsonNodeFactory.instance.arrayNode();
        List<Long> wanted = seqs.stream().filter(Objects::nonNull).distinct().sorted().toList();
        for (Long seq : wanted) {
            LedgerEntry entry = LedgerEntry.findById(seq);
            if (entry == null) {
                throw new IllegalStateException("ledger entry " + seq + " is named by a record but does not exist");
            }
            entries.add(of(entry));
        }
        return entries;
    }
}
