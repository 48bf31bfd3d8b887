package dev.covenant.relicensing.history;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

/**
 * Memory bounded by one commit, observed rather than hoped for: the history is made as it is read, one line per
 * read, and whenever the parser hands out a commit it must not have asked for more than the first line of the
 * next. Nothing of the 200,000 commits (about 80 MB of text) is ever held together.
 */
class GitLogStreamingTest {

    private static final int COMMITS = 200_000;

    @Test
    void aLargeHistoryIsReadOneCommitAheadAtMost() {
        GeneratedHistory history = new GeneratedHistory(COMMITS);
        AtomicLong delivered = new AtomicLong();
        AtomicLong maxAhead = new AtomicLong();
        AtomicLong linesAdded = new AtomicLong();
        AtomicLong merges = new AtomicLong();
        AtomicLong binaries = new AtomicLong();

        long count = GitLogParser.forEach(history, commit -> {
            long n = delivered.incrementAndGet();
            maxAhead.accumulateAndGet(history.commitsStarted() - n, Math::max);
            assertEquals(GeneratedHistory.hex((int) n, 40), commit.sha());
            linesAdded.addAndGet(commit.linesAdded());
            merges.addAndGet(commit.merge() ? 1 : 0);
            binaries.addAndGet(commit.files().stream().filter(FileChange::binary).count());
            assertEquals(1, commit.coAuthors().size());
        });

        assertEquals(COMMITS, count);
        assertTrue(maxAhead.get() <= 1, "the parser read " + maxAhead.get() + " commits ahead of what it handed out");
        assertEquals(history.linesAdded(), linesAdded.get());
        assertEquals(COMMITS / 50, merges.get());
        assertEquals(COMMITS / 7 - COMMITS / 350, binaries.get());
        assertTrue(history.bytes() > 50_000_000L, "the history should be far larger than one commit");
    }
}
