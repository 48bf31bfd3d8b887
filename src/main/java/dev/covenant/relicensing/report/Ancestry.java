package dev.covenant.relicensing.report;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.HexFormat;

import dev.covenant.api.ConflictException;
import dev.covenant.jdbc.CopyStream;

/**
 * The commits a commit reaches (itself and its ancestors, following every parent), as {@code git rev-list} counts
 * them, over a repository's imported history. Every commit's sha and its parents' are read once into byte arrays
 * (20 bytes a sha; a million commits take about 60 MB for the walk) and walked in Java: a recursive query would take
 * one step per commit of a straight history. The smaller side, the commits reached or those not, is kept, and
 * written to {@code report_cut}, a table of the transaction that sums the report, for its queries to keep or leave
 * out ({@link Cut#condition}).
 */
final class Ancestry {

    /** What the walk lists: the reached commits, the others, or nothing (all were reached). */
    enum Listed {
        REACHED, UNREACHED, NONE
    }

    /** The cut: which side is listed (its shas), and how many commits were reached of how many. */
    record Cut(Listed listed, long reached, long total, String[] shas) {

        /** The SQL condition on a row's {@code alias.sha} that keeps only the commits reached. */
        String condition(String alias) {
            String listedRow = "EXISTS (SELECT 1 FROM report_cut x WHERE x.sha = " + alias + ".sha)";
            return switch (listed) {
                case NONE -> "TRUE";
                case REACHED -> listedRow;
                case UNREACHED -> "NOT " + listedRow;
            };
        }

        /** Writes the listed side to {@code report_cut}, a table of the caller's transaction, on {@code c}. */
        void write(Connection c) throws SQLException {
            if (listed == Listed.NONE) {
                return;
            }
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TEMP TABLE IF NOT EXISTS report_cut (sha text) ON COMMIT DROP");
                s.execute("TRUNCATE report_cut");
            }
            try (CopyStream copy = CopyStream.open(c, "COPY report_cut FROM STDIN")) {
                for (String sha : shas) {
                    copy.row().text(sha);
                    copy.endRow();
                }
                copy.finish();
            }
            try (Statement s = c.createStatement()) {
                s.execute("ANALYZE report_cut");
            }
        }
    }

    static final String IMPORT_AGAIN = "the imported history has no parents for some commits, so a report at a commit"
            + " cannot tell which commits it reaches: import the history again, by clone or with the command in"
            + " docs/relicensing.md (it carries --parents); a report at a date works as it is";

    private static final HexFormat HEX = HexFormat.of();

    private int width;
    private byte[] shas = new byte[0];
    private int[] firstParent = new int[1 << 12];
    private byte[] parentShas = new byte[0];
    private boolean[] unknownParents = new boolean[1 << 12];
    private int commits;
    private int parents;

    private Ancestry() {
    }

    /** Walks from {@code sha}; 409 when the walk meets a commit imported without parents. */
    static Cut cut(Connection c, String repository, String sha) throws SQLException {
        Ancestry graph = new Ancestry();
        graph.read(c, repository);
        Index index = new Index(graph.shas, graph.width, graph.commits);
        boolean[] reached = new boolean[graph.commits];
        int start = index.find(HEX.parseHex(sha), 0);
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
                int parent = index.find(graph.parentShas, p * graph.width);
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

    /** {@code parentHex}: the parents' shas one after the other, each as long as {@code sha}; null if unknown. */
    private void add(String sha, String parentHex) {
        if (width == 0) {
            width = sha.length() / 2;
            shas = new byte[width << 12];
            parentShas = new byte[width << 12];
        }
        if (sha.length() != width * 2) {
            throw new IllegalStateException("the history mixes shas of " + width * 2 + " and " + sha.length()
                    + " digits");
        }
        if (commits + 1 >= unknownParents.length) {
            int size = unknownParents.length * 2;
            shas = Arrays.copyOf(shas, size * width);
            firstParent = Arrays.copyOf(firstParent, size + 1);
            unknownParents = Arrays.copyOf(unknownParents, size);
        }
        decode(sha, 0, shas, commits * width);
        firstParent[commits] = parents;
        if (parentHex == null) {
            unknownParents[commits] = true;
        } else {
            for (int at = 0; at + sha.length() <= parentHex.length(); at += sha.length()) {
                if ((parents + 1) * width > parentShas.length) {
                    parentShas = Arrays.copyOf(parentShas, parentShas.length * 2);
                }
                decode(parentHex, at, parentShas, parents * width);
                parents++;
            }
        }
        commits++;
    }

    private void decode(String hex, int from, byte[] into, int offset) {
        for (int i = 0; i < width; i++) {
            into[offset + i] = (byte) HexFormat.fromHexDigits(hex, from + 2 * i, from + 2 * i + 2);
        }
    }

    /** The smaller side's shas, to be written to {@code report_cut} by {@link Cut#write}. */
    private Cut list(boolean[] reached, long count) {
        if (count == commits) {
            return new Cut(Listed.NONE, count, commits, new String[0]);
        }
        boolean listReached = count * 2 <= commits;
        String[] listed = new String[(int) (listReached ? count : commits - count)];
        for (int i = 0, k = 0; i < commits; i++) {
            if (reached[i] == listReached) {
                listed[k++] = HEX.formatHex(shas, i * width, (i + 1) * width);
            }
        }
        return new Cut(listReached ? Listed.REACHED : Listed.UNREACHED, count, commits, listed);
    }

    /** Open addressing from a sha's bytes to its commit's position. */
    private static final class Index {
        private final int[] slots;
        private final byte[] shas;
        private final int width;
        private final int mask;

        Index(byte[] shas, int width, int commits) {
            this.shas = shas;
            this.width = width;
            int size = Integer.highestOneBit(Math.max(4, commits) * 2) * 2;
            this.slots = new int[size];
            this.mask = size - 1;
            Arrays.fill(slots, -1);
            for (int i = 0; i < commits; i++) {
                int slot = hash(shas, i * width) & mask;
                while (slots[slot] >= 0) {
                    slot = (slot + 1) & mask;
                }
                slots[slot] = i;
            }
        }

        /** The position of the sha at {@code offset} of {@code sha}, or -1 when the history does not hold it. */
        int find(byte[] sha, int offset) {
            if (width == 0 || sha.length - offset < width) {
                return -1;
            }
            int slot = hash(sha, offset) & mask;
            while (slots[slot] >= 0) {
                int i = slots[slot];
                if (Arrays.equals(shas, i * width, (i + 1) * width, sha, offset, offset + width)) {
                    return i;
                }
                slot = (slot + 1) & mask;
            }
            return -1;
        }

        private int hash(byte[] sha, int offset) {
            long h = 0x9E3779B97F4A7C15L;
            for (int i = 0; i < width; i++) {
                h = (h ^ sha[offset + i]) * 0xff51afd7ed558ccdL;
            }
            return (int) (h ^ (h >>> 32));
        }
    }
}
