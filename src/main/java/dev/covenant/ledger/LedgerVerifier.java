package dev.covenant.ledger;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/** Recomputes the whole chain from the stored entries, page by page so that memory stays bounded. */
@ApplicationScoped
public class LedgerVerifier {

    private static final int PAGE = 1000;

    /** The outcome: how many entries were checked and the first one that breaks the chain, if any. */
    public record Verification(boolean intact, long entries, String headHash, Broken firstBroken) {
    }

    public record Broken(long seq, String reason) {
    }

    @Transactional
    public Verification verify() {
        LedgerChain.Link previous = null;
        long checked = 0;
        while (true) {
            List<LedgerEntry> page = LedgerEntry.findPage(previous == null ? 0 : previous.seq(), PAGE);
            if (page.isEmpty()) {
                return new Verification(true, checked, previous == null ? LedgerChain.GENESIS : previous.hash(), null);
            }
            for (LedgerEntry entry : page) {
                LedgerChain.Link link = entry.link();
                String reason = LedgerChain.breakIn(previous, link);
                if (reason != null) {
                    return new Verification(false, checked, null, new Broken(link.seq(), reason));
                }
                checked++;
                previous = link;
            }
            LedgerEntry.getEntityManager().clear();
        }
    }
}
