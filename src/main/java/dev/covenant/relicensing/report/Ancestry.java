package dev.covenant.relicensing.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import dev.covenant.api.ConflictException;
import dev.covenant.jdbc.CopyRows;

/**
 * The commits a commit reaches (itself and its ancestors, following every parent), as {@code git rev-list} counts
 * them, over a repository's imported history. The parents of every commit are read once into arrays (a commit is
 * its sha's first 128 bits, two longs; a million commits take about 60 MB for the walk) and walked in Java: a
 * recursive query would take one step per commit of a straight history. The smaller side, the commits reached or
 * those not, is kept, and written to {@code report_cut}, a table of the transaction that sums the report, for its
 * queries to keep or leave out ({@link Cut#condition}).
 */
final class Ancestry {

    /** What the walk left in {@code report_cut}: the reached commits, the others, or nothing (all were reached). */
    enum Listed {
        REACHED, UNREACHED, NONE
    }

    /**
     * The cut: which side is listed (the first 128 bits of each of its commits' shas, in {@code hi} and {@code lo}),
     * and how many commits were reached of how many.
     */
    record Cut(Listed listed, long reached, long total, long[] hi, long[] lo) {

        /** Writes the listed side to {@code report_cut}, a table of the caller's transaction, on {@code c}. */
        void write(Connection c) throws SQLException {
            if (listed == Listed.NONE) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE IF NOT EXISTS report_cut (p text) ON COMMIT DROP");
                s.execute("TRUNCATE report_cut");
            }
            CopyIn copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn("COPY report_cut FROM STDIN");
            CopyRows rows = new CopyRows();
            try {
                for (int i = 0; i < hi.length; i++) {
                    rows.text(String.format("%016x%016x", hi[i], lo[i]));
                    rows.endRow();
                    if (rows.length() >= 1 << 18) {
                        copy.writeToCopy(rows.bytes(), 0, rows.length());
                        rows.clear();
                    }
                }
                copy.writeToCopy(rows.bytes(), 0, rows.length());
                copy.endCopy();
            } finally {
                if (copy.isActive()) {
                    copy.cancelCopy();
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE report_cut");
            }
        }

        /** The SQL condition on a row's {@code alias.sha} that keeps only the commits reached. */
        String condition(String alias) {
            String listedRow = "EXISTS (SELECT 1 FROM report_cut x WHERE x.p = left(" + alias + ".sha, 32))";
            return switch (listed) {
                case NONE -> "TRUE";
                case REACHED -> listedRow;
                case UNREACHED -> "NOT " + listedRow;
            };
        }
    }

    static final String IMPORT_AGAIN = "the imported history has no parents for some commits, so a report at a commit"
            + " cannot tell which commits it reaches: import the history again, by clone or with the command in"
            + " docs/relicensing.md (it carries --parents); a report at a date works as it is";

    private long[] hi = new long[1 << 12];
    private long[] lo = new long[1 << 12];
    private int[] firstParent = new int[(1 << 12) + 1];
    private long[] parentHi = new long[1 << 12];
    private long[] parentLo = new long[1 << 12];
    private boolean[] unknownParents = new boolean[1 << 12];
    private int commits;
    private int parents;

    private Ancestry() {
    }

    /** Walks from {@code sha}; 409 when the walk meets a commit imported without parents. */
    static Cut cut(Connection c, String repository, String sha) throws SQLException {
        Ancestry graph = new Ancestry();
        graph.read(c, repository);
        Index index = graph.index();
        boolean[] reached = new boolean[graph.commits];
        int start = index.find(high(sha), low(sha));
        int[] stack = new int[Math.max(16, graph.commits)];
        int top = 0;
        long count = 0;
        stack[top++] = start;
        reached[start] = true;
        while (top > 0) {
            int at = stack[--top];
            count++;
            if (graph.unknownParents[at]) {
                throw new ConflictException(IMPORT_AGAIN);
            }
            for (int p = graph.firstParent[at]; p < graph.firstParent[at + 1]; p++) {
                int parent = index.find(graph.parentHi[p], graph.parentLo[p]);
                if (parent >= 0 && !reached[parent]) {
                    reached[parent] = true;
                    stack[top++] = parent;
                }
            }
        }
        return graph.list(reached, count);
    }

    private void read(Connection c, String repository) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT sha, array_to_string(parents, '') FROM contribution"
                + " WHERE repository = ? AND pull_request IS NULL")) {
            s.setFetchSize(10_000);
            s.setString(1, repository);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    add(rs.getString(1), rs.getString(2));
                }
            }
        }
        firstParent[commits] = parents;
    }

    /** {@code parentShas}: the parents' shas one after the other, each as long as {@code sha}; null if unknown. */
    private void add(String sha, String parentShas) {
        if (commits + 1 >= hi.length) {
            int size = hi.length * 2;
            hi = Arrays.copyOf(hi, size);
            lo = Arrays.copyOf(lo, size);
            firstParent = Arrays.copyOf(firstParent, size + 1);
            unknownParents = Arrays.copyOf(unknownParents, size);
        }
        hi[commits] = high(sha);
        lo[commits] = low(sha);
        firstParent[commits] = parents;
        if (parentShas == null) {
            unknownParents[commits] = true;
        } else {
            for (int at = 0; at + sha.length() <= parentShas.length(); at += sha.length()) {
                String parent = parentShas.substring(at, at + 32);
                if (parents == parentHi.length) {
                    parentHi = Arrays.copyOf(parentHi, parents * 2);
                    parentLo = Arrays.copyOf(parentLo, parents * 2);
                }
                parentHi[parents] = high(parent);
                parentLo[parents] = low(parent);
                parents++;
            }
        }
        commits++;
    }

    /** The smaller side, to be written to {@code report_cut} by {@link Cut#write}. */
    private Cut list(boolean[] reached, long count) {
        if (count == commits) {
            return new Cut(Listed.NONE, count, commits, new long[0], new long[0]);
        }
        boolean listReached = count * 2 <= commits;
        int size = (int) (listReached ? count : commits - count);
        long[] listedHi = new long[size];
        long[] listedLo = new long[size];
        for (int i = 0, k = 0; i < commits; i++) {
            if (reached[i] == listReached) {
                listedHi[k] = hi[i];
                listedLo[k++] = lo[i];
            }
        }
        return new Cut(listReached ? Listed.REACHED : Listed.UNREACHED, count, commits, listedHi, listedLo);
    }

    private static long high(String sha) {
        return Long.parseUnsignedLong(sha.substring(0, 16), 16);
    }

    private static long low(String sha) {
        return Long.parseUnsignedLong(sha.substring(16, 32), 16);
    }

    private Index index() {
        return new Index(hi, lo, commits);
    }

    /** Open addressing from a sha's 128 bits to its commit's position. */
    private static final class Index {
        private final int[] slots;
        private final long[] hi;
        private final long[] lo;
        private final int mask;

        Index(long[] hi, long[] lo, int commits) {
            this.hi = hi;
            this.lo = lo;
            int size = Integer.highestOneBit(Math.max(4, commits) * 2) * 2;
            this.slots = new int[size];
            this.mask = size - 1;
            Arrays.fill(slots, -1);
            for (int i = 0; i < commits; i++) {
                int slot = (int) (mix(hi[i] ^ lo[i])) & mask;
                while (slots[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = i;
            }
        }

        int find(long h, long l) {
            int slot = (int) (mix(h ^ l)) & mask;
            while (slots[slot] >= 0) {
                int i = slots[slot];
                if (hi[i] == h && lo[i] == l) {
                    return i;
                }
                slot = (slot + 1) & mask;
            }
            return -1;
        }

        private static long mix(long x) {
            x ^= x >>> 33;
            x *= 0xff51afd7ed558ccdL;
            return x ^ (x >>> 33);
        }
    }
}
