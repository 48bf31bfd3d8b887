package dev.covenant.bench;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

/**
 * A bare git repository with a generated history, written by {@code git fast-import} from a stream made here, so
 * that 35,000 commits take seconds instead of minutes of {@code git commit}: forty authors (a few of them under an
 * older address that the {@code .mailmap} at HEAD maps), files that grow, shrink and get rewritten in the middle, a
 * binary file now and then, a file deleted now and then, {@code Co-authored-by:} trailers, and every 250 commits a
 * side branch of three commits merged back. Seeded, so every run builds the same history.
 */
final class SyntheticRepository {

    private static final int AUTHORS = 40;
    private static final int FILES = 300;
    private static final int MAX_LINES = 400;
    private static final long START = 1_500_000_000L;

    private final Random random = new Random(35_000);
    private final List<List<String>> files = new ArrayList<>();
    private final List<List<String>> sideFiles = new ArrayList<>();
    private int mark;
    private long time = START;

    private SyntheticRepository() {
        for (int i = 0; i < FILES; i++) {
            files.add(new ArrayList<>());
        }
        for (int i = 0; i < 20; i++) {
            sideFiles.add(new ArrayList<>());
        }
    }

    /** Builds a bare repository of {@code commits} commits (merges included) in {@code dir}. */
    static Path create(Path dir, int commits) throws IOException, InterruptedException {
        run(dir.getParent(), "git", "init", "-q", "--bare", dir.toString());
        Process importer = new ProcessBuilder("git", "--git-dir=" + dir, "fast-import", "--quiet")
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (OutputStream out = new BufferedOutputStream(importer.getOutputStream(), 1 << 16)) {
            new SyntheticRepository().write(out, commits);
        }
        if (!importer.waitFor(10, TimeUnit.MINUTES) || importer.exitValue() != 0) {
            throw new IOException("git fast-import failed");
        }
        run(dir, "git", "--git-dir=" + dir, "symbolic-ref", "HEAD", "refs/heads/main");
        return dir;
    }

    private void write(OutputStream out, int commits) throws IOException {
        int written = 0;
        int head = 0;
        while (written < commits) {
            if (written > 0 && written % 250 == 0 && commits - written >= 4) {
                int side = head;
                for (int i = 0; i < 3; i++) {
                    side = commit(out, "side", side, 0, true);
                }
                head = commit(out, "main", head, side, false);
                written += 4;
            } else {
                head = commit(out, "main", head, 0, false);
                written++;
            }
        }
        text(out, "done\n");
    }

    /** One commit on {@code branch} after {@code from} (0: none), merging {@code merge} (0: none); its mark. */
    private int commit(OutputStream out, String branch, int from, int merge, boolean onSide) throws IOException {
        int author = (int) Math.floorMod((long) (random.nextGaussian() * AUTHORS / 3), AUTHORS);
        boolean old = author % 5 == 0 && random.nextBoolean();
        String email = "dev" + author + (old ? "@old.example.org" : "@example.org");
        time += 60 + random.nextInt(600);
        StringBuilder message = new StringBuilder("Change " + (mark + 1) + " by developer " + author + "\n");
        if (random.nextInt(20) == 0) {
            message.append("\nWork shared with a colleague.\n\nCo-authored-by: Dev ").append((author + 7) % AUTHORS)
                    .append(" <dev").append((author + 7) % AUTHORS).append("@example.org>\n");
        }
        int id = ++mark;
        StringBuilder c = new StringBuilder();
        c.append("commit refs/heads/").append(branch).append('\n').append("mark :").append(id).append('\n');
        c.append("author Dev ").append(author).append(" <").append(email).append("> ").append(time).append(" +0000\n");
        c.append("committer Dev ").append(author).append(" <").append(email).append("> ").append(time)
                .append(" +0000\n");
        byte[] msg = message.toString().getBytes(StandardCharsets.UTF_8);
        c.append("data ").append(msg.length).append('\n').append(message);
        if (from != 0) {
            c.append("from :").append(from).append('\n');
        }
        if (merge != 0) {
            c.append("merge :").append(merge).append('\n');
        }
        text(out, c.toString());
        if (merge != 0) {
            // The side branch touched only its own files, which the main line never does: they are the merge's tree.
            for (int f = 0; f < sideFiles.size(); f++) {
                if (!sideFiles.get(f).isEmpty()) {
                    file(out, "side/file" + f + ".txt", sideFiles.get(f));
                }
            }
        } else if (onSide) {
            int f = random.nextInt(sideFiles.size());
            edit(sideFiles.get(f));
            file(out, "side/file" + f + ".txt", sideFiles.get(f));
        } else {
            changeMain(out, id);
        }
        text(out, "\n");
        return id;
    }

    private void changeMain(OutputStream out, int id) throws IOException {
        if (id == 1) {
            text(out, "M 644 inline .mailmap\n");
            StringBuilder mailmap = new StringBuilder();
            for (int a = 0; a < AUTHORS; a += 5) {
                mailmap.append("Dev ").append(a).append(" <dev").append(a).append("@example.org> <dev").append(a)
                        .append("@old.example.org>\n");
            }
            data(out, mailmap.toString().getBytes(StandardCharsets.UTF_8));
        }
        int changes = 1 + random.nextInt(3);
        for (int i = 0; i < changes; i++) {
            int f = random.nextInt(FILES);
            String path = "src/dir" + (f % 17) + "/file" + f + ".txt";
            if (random.nextInt(400) == 0 && !files.get(f).isEmpty()) {
                text(out, "D " + path + "\n");
                files.get(f).clear();
            } else if (random.nextInt(300) == 0) {
                text(out, "M 644 inline assets/blob" + f + ".bin\n");
                byte[] binary = new byte[64 + random.nextInt(64)];
                random.nextBytes(binary);
                binary[0] = 0;
                data(out, binary);
            } else {
                edit(files.get(f));
                file(out, path, files.get(f));
            }
        }
    }

    /** Adds a block, rewrites a few lines in the middle, and past the limit drops a block. */
    private void edit(List<String> lines) {
        int at = lines.isEmpty() ? 0 : random.nextInt(lines.size() + 1);
        int added = 1 + random.nextInt(12);
        for (int i = 0; i < added; i++) {
            lines.add(at + i, "line " + random.nextInt(1_000_000) + " of block " + mark);
        }
        for (int i = 0; i < 2 && !lines.isEmpty(); i++) {
            lines.set(random.nextInt(lines.size()), "rewritten " + random.nextInt(1_000_000));
        }
        if (lines.size() > MAX_LINES) {
            int from = random.nextInt(lines.size() - 50);
            lines.subList(from, from + 50).clear();
        }
    }

    private static void file(OutputStream out, String path, List<String> lines) throws IOException {
        text(out, "M 644 inline " + path + "\n");
        data(out, (String.join("\n", lines) + "\n").getBytes(StandardCharsets.UTF_8));
    }

    private static void data(OutputStream out, byte[] bytes) throws IOException {
        text(out, "data " + bytes.length + "\n");
        out.write(bytes);
        text(out, "\n");
    }

    private static void text(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
    }

    private static void run(Path dir, String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
        if (!p.waitFor(1, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + " failed");
        }
    }

    /** For trying it by hand: {@code java SyntheticRepository.java <dir> <commits>}. */
    public static void main(String[] args) throws Exception {
        create(Path.of(args[0]).toAbsolutePath(), Integer.parseInt(args[1]));
    }
}
