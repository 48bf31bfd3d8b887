package dev.covenant.ledger;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;

/**
 * Recomputes the whole chain from the stored entries, page by page so that memory stays bounded, re-derives the hash
 * of every row an entry speaks for from the row itself, and compares the chain with a head saved elsewhere.
 */
@ApplicationScoped
@Transactional
public class LedgerVerifier {

    private static final int PAGE = 1000;
    /** Enough to act on; the count says how many there are in all. */
    private static final int LISTED_ROWS = 100;

    /**
     * The outcome: how many entries were checked, the head reached, the first entry that breaks the chain, the rows
     * that no longer match their entries, and how the chain compares with a saved head (null if none was given).
     */
    public record Verification(boolean intact, long entries, long headSeq, String headHash, Broken firstBroken,
            long tamperedRowCount, List<TamperedRow> tamperedRows, HeadCheck savedHead) {
    }

    public record Broken(long seq, String reason) {
    }

    /**
     * A protected row whose content is not what its entry recorded, that is gone, or that no entry speaks for (then
     * {@code seq} is null).
     */
    public record TamperedRow(String table, String id, Long seq, String reason) {
    }

    /** A head saved earlier: whether the chain still holds it. */
    public record HeadCheck(long seq, String hash, boolean matches, String reason) {
    }

    /** A head given as {@code <seq>:<hash>}. */
    public record SavedHead(long seq, String hash) {
    }

    public Verification verify() {
        return verify(Optional.empty());
    }

    public Verification verify(Optional<SavedHead> saved) {
        LedgerChain.Link previous = null;
        long checked = 0;
        long firstOfFormat2 = LedgerEntry.getSession().doReturningWork(FormatStart::firstOfFormat2);
        RowCheck rows = new RowCheck(LISTED_ROWS);
        Broken broken = null;
        HeadCheck head = null;
        pages : while (true) {
            List<LedgerEntry> page = LedgerEntry.findPage(previous == null ? 0 : previous.seq(), PAGE);
            if (page.isEmpty()) {
                break;
            }
            List<LedgerChain.Link> links = new ArrayList<>();
            for (LedgerEntry entry : page) {
                LedgerChain.Link link = entry.link();
                String reason = LedgerChain.breakIn(previous, link, firstOfFormat2);
                if (reason != null) {
                    broken = new Broken(link.seq(), reason);
                    rows.check(links);
                    break pages;
                }
                if (saved.isPresent() && saved.get().seq() == link.seq()) {
                    head = compare(saved.get(), link);
                }
                links.add(link);
                checked++;
                previous = link;
            }
            rows.check(links);
            LedgerEntry.getEntityManager().clear();
        }
        rows.unrecorded(firstOfFormat2);
        long headSeq = previous == null ? 0 : previous.seq();
        if (saved.isPresent() && head == null && broken == null) {
            head = new HeadCheck(saved.get().seq(), saved.get().hash(), false, "the ledger ends at entry " + headSeq
                    + ", before the saved head: entries after " + headSeq + " were deleted");
        }
        boolean intact = broken == null && rows.count() == 0 && (head == null || head.matches());
        return new Verification(intact, checked, headSeq, previous == null ? LedgerChain.GENESIS : previous.hash(),
                broken, rows.count(), rows.listed(), head);
    }

    private static HeadCheck compare(SavedHead saved, LedgerChain.Link link) {
        if (link.hash().equals(saved.hash())) {
            return new HeadCheck(saved.seq(), saved.hash(), true, null);
        }
        return new HeadCheck(saved.seq(), saved.hash(), false,
                "entry " + link.seq() + " has hash " + link.hash()
                        + ": the chain was rewritten after the head was saved");
    }

    /** The rows a page's entries speak for, re-hashed one table at a time. */
    private static final class RowCheck {

        private final int limit;
        private final List<TamperedRow> listed = new ArrayList<>();
        private long count;

        RowCheck(int limit) {
            this.limit = limit;
        }

        void check(List<LedgerChain.Link> links) {
            Map<String, List<LedgerChain.Link>> byTable = new LinkedHashMap<>();
            links.stream().filter(l -> l.rowTable() != null)
                    .forEach(l -> byTable.computeIfAbsent(l.rowTable(), t -> new ArrayList<>()).add(l));
            byTable.forEach((name, entries) -> {
                Optional<ProtectedTable> table = ProtectedTable.named(name);
                if (table.isEmpty()) {
                    entries.forEach(l -> add(l, "the entry names a table the ledger does not protect"));
                    return;
                }
                Map<String, String> now = LedgerEntry.getSession().doReturningWork(
                        c -> RowHashes.of(c, table.get(), entries.stream().map(LedgerChain.Link::rowId).toList()));
                for (LedgerChain.Link l : entries) {
                    String hash = now.get(l.rowId());
                    if (hash == null) {
                        add(l, "the row is gone");
                    } else if (!hash.equals(l.rowHash())) {
                        add(l, "the row differs from what entry " + l.seq() + " recorded");
                    }
                }
            });
        }

        /** Rows inserted without an entry; those written before V20 count once they have been anchored. */
        void unrecorded(long firstOfFormat2) {
            LedgerEntry.getSession().doWork(c -> {
                boolean includeOlder = UnrecordedRows.olderAnchored(c);
                for (ProtectedTable table : ProtectedTable.values()) {
                    long found = UnrecordedRows.count(c, table, includeOlder, firstOfFormat2);
                    if (found == 0) {
                        continue;
                    }
                    count += found;
                    for (String id : UnrecordedRows.in(c, table, includeOlder, firstOfFormat2,
                            Math.max(0, limit - listed.size()))) {
                        listed.add(new TamperedRow(table.table(), id, null,
                                "no ledger entry speaks for the row: it was written behind the service's back"));
                    }
                }
            });
        }

        private void add(LedgerChain.Link link, String reason) {
            count++;
            if (listed.size() < limit) {
                listed.add(new TamperedRow(link.rowTable(), link.rowId(), link.seq(), reason));
            }
        }

        long count() {
            return count;
        }

        List<TamperedRow> listed() {
            return listed;
        }
    }
}
